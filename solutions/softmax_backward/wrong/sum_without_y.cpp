// Subtracts the plain row sum of dy instead of the weighted sum <y, dy>:
// dx = y * (dy - sum(dy)). The term to subtract is sum_k dy[k] * y[k].
// expect: wrong_answer basic
// mistake: Subtracts sum(dy) instead of the weighted sum <y, dy>
// mistake.zh: 减去的是 sum(dy) 而不是加权和 <y, dy>
// explain: The term subtracted from dy comes from the y y^T part of the Jacobian, so each dy[k] is
// explain: weighted by y[k]: s = sum_k dy[k] * y[k]. With the plain sum(dy) the result is wrong in
// explain: general: a constant dy, for instance, must give dx = 0 on a softmax row, and does not
// explain: here. Use dx = y * (dy - <y, dy>).
// explain.zh: 从 dy 中减去的这一项来自 Jacobian 中的 y y^T 部分，所以每个 dy[k] 都要乘以权重 y[k]：
// explain.zh: s = sum_k dy[k] * y[k]。用普通的 sum(dy) 一般都会出错：例如对 softmax 的一行，
// explain.zh: 常数 dy 必须得到 dx = 0，这里却不是。请使用 dx = y * (dy - <y, dy>)。
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::VectorXf total = dy.rowwise().sum();
  return (y.array() * (dy.array().colwise() - total.array())).matrix();
}
