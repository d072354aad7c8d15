// Scales the scores by 1/sqrt(d_k) in the forward recomputation but forgets
// that factor in the chain rule: dQ = dS K and dK = dS^T Q instead of
// dS K / sqrt(d_k) and dS^T Q / sqrt(d_k). Off by sqrt(d_k) whenever d_k > 1.
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: 1/sqrt(d_k) missing from dQ and dK
// mistake.zh: dQ 和 dK 漏掉了 1/sqrt(d_k) 因子
// explain: The scores are S = Q K^T / sqrt(d_k), so the chain rule through S brings the factor
// explain: back: dQ = dS K / sqrt(d_k) and dK = dS^T Q / sqrt(d_k). Without it both gradients are
// explain: sqrt(d_k) times too large (twice too large in the sample, where d_k = 4). Apply the
// explain: scale once when recomputing P and again in dQ and dK; dV needs no factor.
// explain.zh: 分数是 S = Q K^T / sqrt(d_k)，经过 S 的链式法则会再次带出这个因子：
// explain.zh: dQ = dS K / sqrt(d_k)，dK = dS^T Q / sqrt(d_k)。漏掉它，两个梯度都大了 sqrt(d_k) 倍
// explain.zh: （示例中 d_k = 4，大了一倍）。缩放要在重新计算 P 时用一次，在 dQ 和 dK 中再用一次；
// explain.zh: dV 不需要这个因子。
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                  const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || d_out.rows() != q.rows() ||
      d_out.cols() != v.cols())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
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
  g.d_q = ds * k;  // the trap: no 1 / sqrt(d_k)
  g.d_k = ds.transpose() * q;
  g.d_v = p.transpose() * d_out;
  return g;
}
