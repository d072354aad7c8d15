// Returns dy - <y, dy> per row and forgets to multiply by y: the Jacobian's
// diagonal is y_j (1 - y_j), not (1 - y_j). The answer must be y * (dy - <y, dy>).
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: dx = dy - <y, dy>: the factor y is missing
// mistake.zh: dx = dy - <y, dy>：漏乘了 y
// explain: The Jacobian of softmax is diag(y) - y y^T, so every entry of the gradient carries a
// explain: factor y_j: without it you get dy - <y, dy> instead of y * (dy - <y, dy>), wrong in
// explain: every entry (an entry with y_j = 0 must get gradient 0). Multiply the difference by y
// explain: elementwise.
// explain.zh: softmax 的 Jacobian 是 diag(y) - y y^T，所以梯度的每一项都带有因子 y_j：
// explain.zh: 漏掉它就得到 dy - <y, dy>，而不是 y * (dy - <y, dy>)，
// explain.zh: 每一项都是错的（y_j = 0 的项梯度必须为 0）。请把这个差值逐元素乘以 y。
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::VectorXf dot = (y.array() * dy.array()).rowwise().sum();
  return (dy.array().colwise() - dot.array()).matrix();
}
