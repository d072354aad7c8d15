// Eigen expressions: one rowwise dot product, then a broadcast subtraction.
// expect: accepted
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::VectorXf dot = (y.array() * dy.array()).rowwise().sum();
  return (y.array() * (dy.array().colwise() - dot.array())).matrix();
}
