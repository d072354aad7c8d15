// Plain float loops: a sequential dot product per row, then one pass to write dx.
// expect: accepted
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::Index n = y.rows(), d = y.cols();
  Eigen::MatrixXf dx(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    float dot = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) dot += y(i, j) * dy(i, j);
    for (Eigen::Index j = 0; j < d; ++j) dx(i, j) = y(i, j) * (dy(i, j) - dot);
  }
  return dx;
}
