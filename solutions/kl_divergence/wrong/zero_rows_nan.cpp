// Checks the shapes but not the number of rows: with zero rows the mean is
// 0 / 0 = NaN instead of an std::invalid_argument.
// expect: wrong_answer invalid
// mistake: Zero rows give NaN instead of std::invalid_argument
// mistake.zh: 没有行时返回 NaN 而不是抛出 std::invalid_argument
// explain: With zero rows the shape check passes and the mean of nothing is 0 / 0 = NaN, which is
// explain: returned as if it were a divergence. The mean over no rows is undefined: throw
// explain: std::invalid_argument when the matrices have no rows.
// explain.zh: 没有行时形状检查能通过，而空集合的平均值是 0 / 0 = NaN，却被当作散度返回了。
// explain.zh: 对零行求平均没有定义：矩阵没有行时应抛出 std::invalid_argument。
#include "exercise.h"

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  if (p_logits.rows() != q_logits.rows() || p_logits.cols() != q_logits.cols())
    throw std::invalid_argument("shapes differ");
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
  return total / static_cast<float>(p_logits.rows());  // bug: 0 / 0 when there are no rows
}
