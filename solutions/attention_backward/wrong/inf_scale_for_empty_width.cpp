// Uses scale = 1 / sqrt(d_k) even when d_k = 0: 1 / sqrt(0) = inf, and the
// empty dot products (0) times inf are NaN, so P and every gradient become NaN.
// With d_k = 0 all scores are 0 and the weights are uniform.
// expect: wrong_answer edge
// mistake: Scale 1/sqrt(d_k) used even when d_k = 0
// mistake.zh: d_k = 0 时仍使用缩放系数 1/sqrt(d_k)
// explain: With d_k = 0 every score is an empty dot product, 0, but 1 / sqrt(0) is inf and 0 * inf
// explain: is NaN, so P and every gradient become NaN. The right answer has uniform weights 1 / m
// explain: (and d_q, d_k of width 0). Use a scale of 1 when d_k = 0: all scores are 0 anyway.
// explain.zh: d_k = 0 时每个分数都是空点积 0，但 1 / sqrt(0) 是 inf，0 * inf 是 NaN，
// explain.zh: 于是 P 和所有梯度都变成 NaN。正确结果是均匀权重 1 / m（d_q 和 d_k 的宽度为 0）。
// explain.zh: d_k = 0 时把缩放系数取为 1 即可：反正所有分数都是 0。
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                  const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || d_out.rows() != q.rows() ||
      d_out.cols() != v.cols())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows();
  const float scale = 1.0f / std::sqrt(static_cast<float>(q.cols()));  // the trap
  AttentionGrads g;
  if (m == 0) {
    g.d_q = Eigen::MatrixXf::Zero(n, q.cols());
    g.d_k = Eigen::MatrixXf(0, k.cols());
    g.d_v = Eigen::MatrixXf(0, v.cols());
    return g;
  }
  Eigen::MatrixXf p = (q * k.transpose()) * scale;
  const Eigen::VectorXf row_max = p.rowwise().maxCoeff();
  p = (p.colwise() - row_max).array().exp().matrix();
  const Eigen::VectorXf row_sum = p.rowwise().sum();
  p = p.array().colwise() / row_sum.array();
  const Eigen::MatrixXf dp = d_out * v.transpose();
  const Eigen::VectorXf d = (p.array() * dp.array()).rowwise().sum();
  const Eigen::MatrixXf ds = (p.array() * (dp.colwise() - d).array()).matrix();
  g.d_q = (ds * k) * scale;
  g.d_k = (ds.transpose() * q) * scale;
  g.d_v = p.transpose() * d_out;
  return g;
}
