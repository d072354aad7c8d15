// Float inputs and outputs, but the per-row dot product is accumulated in double.
// expect: accepted
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  Eigen::MatrixXf dx(y.rows(), y.cols());
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    double dot = 0.0;
    for (Eigen::Index j = 0; j < y.cols(); ++j)
      dot += static_cast<double>(y(i, j)) * static_cast<double>(dy(i, j));
    const float s = static_cast<float>(dot);
    for (Eigen::Index j = 0; j < y.cols(); ++j) dx(i, j) = y(i, j) * (dy(i, j) - s);
  }
  return dx;
}
