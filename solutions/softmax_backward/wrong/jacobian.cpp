// Builds each row's full d x d Jacobian J = diag(y) - y y^T and multiplies it by
// dy. The values are right, but every row costs O(d^2) time and memory: at
// d = 4096 that is a 64 MiB matrix per row, far slower than the O(d) formula
// y * (dy - <y, dy>).
// expect: time_limit performance
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  Eigen::MatrixXf dx(y.rows(), y.cols());
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    const Eigen::VectorXf yi = y.row(i).transpose();
    Eigen::MatrixXf jacobian = -yi * yi.transpose();
    jacobian.diagonal() += yi;
    dx.row(i) = (jacobian.transpose() * dy.row(i).transpose()).transpose();
  }
  return dx;
}
