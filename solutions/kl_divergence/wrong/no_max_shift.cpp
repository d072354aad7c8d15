// Log-sum-exp without the max shift: lse = log(sum(exp(x))). exp(1000)
// overflows float32 to inf, so every log-probability is -inf and the KL NaN;
// in rows far below zero every exp underflows to 0 and log(0) = -inf.
// expect: wrong_answer stability
// mistake: Log-sum-exp of p or q without subtracting the maximum
// mistake.zh: p 或 q 的 log-sum-exp 没有减去最大值
// explain: log(sum(exp(x))) taken literally overflows: exp(1000) is inf in float32, so lse is inf,
// explain: every x_j - lse is -inf and the divergence NaN; in a row far below zero every exp
// explain: underflows to 0 and lse = -inf. Compute lse = m + log(sum exp(x - m)) with the row
// explain: maximum m, for p and for q.
// explain.zh: 直接计算 log(sum(exp(x))) 会溢出：exp(1000) 在 float32 中为 inf，lse 就是 inf，
// explain.zh: 每个 x_j - lse 都是 -inf，散度变成 NaN；在远小于 0 的行中，每个 exp 都下溢为 0，lse = -inf。
// explain.zh: 应对 p 和 q 都使用行最大值 m 计算 lse = m + log(sum exp(x - m))。
#include "exercise.h"

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  if (p_logits.rows() != q_logits.rows() || p_logits.cols() != q_logits.cols())
    throw std::invalid_argument("shapes differ");
  if (p_logits.rows() == 0) throw std::invalid_argument("no rows");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < p_logits.rows(); ++i) {
    const Eigen::ArrayXf x = p_logits.row(i).transpose().array();
    const Eigen::ArrayXf y = q_logits.row(i).transpose().array();
    if (x.size() == 0 || x.maxCoeff() == -inf) continue;
    const float lse_p = std::log(x.exp().sum());  // bug: no max shift
    const float lse_q = std::log(y.exp().sum());
    float kl = 0.0f;
    for (Eigen::Index j = 0; j < x.size(); ++j) {
      if (x(j) == -inf) continue;
      if (y(j) == -inf) {
        kl = inf;
        break;
      }
      const float log_p = x(j) - lse_p;
      kl += std::exp(log_p) * (log_p - (y(j) - lse_q));
    }
    total += kl;
  }
  return total / static_cast<float>(p_logits.rows());
}
