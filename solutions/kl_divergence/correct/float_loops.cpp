// Plain float loops, row by row: both log-sum-exps with the max shift, then
// the sum of p_j * ((x_j - lse_p) - (y_j - lse_q)) over the classes p has.
// expect: accepted
#include "exercise.h"

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  const Eigen::Index n = p_logits.rows(), v = p_logits.cols();
  if (q_logits.rows() != n || q_logits.cols() != v) throw std::invalid_argument("shape mismatch");
  if (n == 0) throw std::invalid_argument("empty batch");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < n; ++i) {
    float mp = -inf, mq = -inf;
    for (Eigen::Index j = 0; j < v; ++j) {
      mp = std::max(mp, p_logits(i, j));
      mq = std::max(mq, q_logits(i, j));
    }
    if (mp == -inf) continue;  // no classes, or p all -inf: KL = 0
    float sp = 0.0f, sq = 0.0f;
    for (Eigen::Index j = 0; j < v; ++j) {
      sp += std::exp(p_logits(i, j) - mp);
      if (mq > -inf) sq += std::exp(q_logits(i, j) - mq);
    }
    const float lse_p = mp + std::log(sp);
    const float lse_q = mq + std::log(sq);  // -inf when q is all -inf
    float kl = 0.0f;
    for (Eigen::Index j = 0; j < v; ++j) {
      if (p_logits(i, j) == -inf) continue;
      if (q_logits(i, j) == -inf) {
        kl = inf;
        break;
      }
      const float log_p = p_logits(i, j) - lse_p;
      const float log_q = q_logits(i, j) - lse_q;
      kl += std::exp(log_p) * (log_p - log_q);
    }
    total += kl;
  }
  return total / static_cast<float>(n);
}
