// Sums p_j * (log p_j - log q_j) over every class, also where the p logit is
// -inf: there p_j = 0 and log p_j = -inf, and 0 * -inf (or 0 * NaN when q's
// logit is -inf too) is NaN, where the class should contribute 0.
// expect: wrong_answer edge
// mistake: Classes with a -inf p logit not skipped: 0 * -inf = NaN
// mistake.zh: 没有跳过 p logit 为 -inf 的类别：0 * -inf = NaN
// explain: A class whose p logit is -inf has p_j = 0 and log p_j = -inf, so its term is 0 * -inf =
// explain: NaN in floating point (0 * NaN if q's logit is -inf too), and one NaN poisons the mean. By
// explain: the limit x log x -> 0 the term is 0: skip the class when its p logit is -inf. Test the
// explain: logit, not p_j == 0: Eigen's vectorised exp(-inf) returns about 3e-39.
// explain.zh: p logit 为 -inf 的类别 p_j = 0、log p_j = -inf，它的项在浮点数中是 0 * -inf = NaN
// explain.zh: （q 的 logit 也是 -inf 时是 0 * NaN），一个 NaN 就会污染整个平均值。由极限 x log x -> 0，
// explain.zh: 这一项应为 0：p logit 为 -inf 时跳过该类别。要判断 logit 本身，而不是 p_j == 0：
// explain.zh: Eigen 的向量化 exp(-inf) 返回约 3e-39。
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
    const float mx = x.maxCoeff(), my = y.maxCoeff();
    const float lse_p = mx + std::log((x - mx).exp().sum());
    const float lse_q = my + std::log((y - my).exp().sum());
    float kl = 0.0f;
    for (Eigen::Index j = 0; j < x.size(); ++j) {
      if (x(j) > -inf && y(j) == -inf) {
        kl = inf;
        break;
      }
      const float log_p = x(j) - lse_p;  // bug: -inf classes are not skipped
      kl += std::exp(log_p) * (log_p - (y(j) - lse_q));
    }
    total += kl;
  }
  return total / static_cast<float>(p_logits.rows());
}
