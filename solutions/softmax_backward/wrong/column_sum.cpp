// Sums dy * y over each column instead of each row: the wrong axis. Softmax was
// taken over each row, so the dot product must be too. Non-square inputs give a
// different answer (the shape still fits, so only the values are wrong).
// expect: wrong_answer basic
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::RowVectorXf col_dot = (y.array() * dy.array()).colwise().sum();
  return (y.array() * (dy.array().rowwise() - col_dot.array())).matrix();
}
