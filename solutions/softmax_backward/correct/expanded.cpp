// The textbook expansion J^T dy = diag(y) dy - y (y^T dy), evaluated as
// y * dy - y * s without factoring: still O(d) per row, and the extra rounding
// stays within the tolerance.
// expect: accepted
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  Eigen::MatrixXf dx(y.rows(), y.cols());
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    const float s = y.row(i).dot(dy.row(i));
    dx.row(i) = y.row(i).cwiseProduct(dy.row(i)) - s * y.row(i);
  }
  return dx;
}
