// Never checks that y and dy have the same shape, and reads only the overlap:
// a gradient of the wrong shape is a caller's bug that must throw
// std::invalid_argument instead of returning a quietly wrong result.
// expect: wrong_answer invalid
#include "exercise.h"

#include <algorithm>

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  const Eigen::Index n = std::min(y.rows(), dy.rows());
  const Eigen::Index d = std::min(y.cols(), dy.cols());
  Eigen::MatrixXf dx(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    float dot = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) dot += y(i, j) * dy(i, j);
    for (Eigen::Index j = 0; j < d; ++j) dx(i, j) = y(i, j) * (dy(i, j) - dot);
  }
  return dx;
}
