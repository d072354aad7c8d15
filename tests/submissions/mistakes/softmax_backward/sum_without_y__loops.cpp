// The mistake of solutions/softmax_backward/wrong/sum_without_y.cpp, written as scalar loops over each row with a double accumulator instead of Eigen rowwise().sum() and colwise broadcasts.
// expect-mistake: sum_without_y
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("softmax_backward: y and dy must have the same shape");
  const Eigen::Index n = y.rows(), d = y.cols();
  Eigen::MatrixXf dx(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    double s = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) s += dy(i, j);
    for (Eigen::Index j = 0; j < d; ++j)
      dx(i, j) = static_cast<float>(y(i, j) * (dy(i, j) - s));
  }
  return dx;
}
