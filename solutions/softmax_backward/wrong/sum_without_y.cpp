// Subtracts the plain row sum of dy instead of the weighted sum <y, dy>:
// dx = y * (dy - sum(dy)). The term to subtract is sum_k dy[k] * y[k].
// expect: wrong_answer basic
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::VectorXf total = dy.rowwise().sum();
  return (y.array() * (dy.array().colwise() - total.array())).matrix();
}
