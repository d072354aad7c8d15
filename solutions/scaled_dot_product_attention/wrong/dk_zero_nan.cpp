// Correct for every d_k > 0, but divides by sqrt(d_k) unconditionally. With
// d_k = 0 the scores are 0 / sqrt(0) = 0 / 0 = NaN and every row is NaN
// instead of the mean of v.
// expect: wrong_answer edge
// mistake: d_k = 0 gives NaN (0 / sqrt(0)) instead of the mean of v
// mistake.zh: d_k = 0 时得到 NaN（0 / sqrt(0)），而不是 v 的平均值
// explain: Dividing by sqrt(d_k) unconditionally is right for every d_k > 0, but with d_k = 0 every
// explain: score is 0 / sqrt(0) = 0 / 0 = NaN, and every row is NaN instead of the mean of v. With
// explain: no columns there is nothing to scale: use a scale of 1 when d_k = 0 (all scores are 0
// explain: and the weights uniform).
// explain.zh: 无条件地除以 sqrt(d_k)，在 d_k > 0 时都正确，
// explain.zh: 但 d_k = 0 时每个分数都是 0 / sqrt(0) = 0 / 0 = NaN，每一行都成了 NaN，
// explain.zh: 而不是 v 的平均值。没有列时没有什么需要缩放：d_k = 0 时缩放系数取 1（所有分数为 0，
// explain.zh: 权重均匀）。
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose() / std::sqrt(static_cast<float>(q.cols()));  // bug when d_k = 0
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
