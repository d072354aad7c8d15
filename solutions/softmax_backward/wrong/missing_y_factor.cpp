// Returns dy - <y, dy> per row and forgets to multiply by y: the Jacobian's
// diagonal is y_j (1 - y_j), not (1 - y_j). The answer must be y * (dy - <y, dy>).
// expect: wrong_answer sample
// expect: wrong_answer basic
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::VectorXf dot = (y.array() * dy.array()).rowwise().sum();
  return (dy.array().colwise() - dot.array()).matrix();
}
