// Expands the divergence into sum_j p_j * (x_j - y_j) - lse_p + lse_q, with
// p_j = exp(x_j - lse_p). Exact on paper, but the rounding of lse_p makes
// sum_j p_j differ from 1 by ~6e-5, and with p near +1000 and q near -1000
// that is multiplied by x - y ~ 2000 before two numbers near 1000 cancel:
// 0.123 instead of 0.097.
// expect: wrong_answer stability
// mistake: KL expanded into sum p * (x - y) - lse_p + lse_q (cancellation)
// mistake.zh: 把 KL 展开成 sum p * (x - y) - lse_p + lse_q（相减抵消）
// explain: KL does not depend on the offset of either row, but this form does: when p's logits sit
// explain: near +1000 and q's near -1000, x - y is about 2000, the weights p_j (rounded through
// explain: lse_p) sum to 1 only within ~6e-5, and the final lse_q - lse_p subtracts numbers near
// explain: 2000, so an error of ~0.1 remains. Keep both rows' log-probabilities small before
// explain: combining them: sum p_j * ((x_j - lse_p) - (y_j - lse_q)).
// explain.zh: KL 与两行各自的整体偏移无关，但这种写法却依赖偏移：当 p 的 logits 在 +1000 附近、q 的在 -1000
// explain.zh: 附近时，x - y 约为 2000，而经由 lse_p 舍入的权重 p_j 之和只在约 6e-5 的误差内等于 1，
// explain.zh: 最后 lse_q - lse_p 又让约 2000 的数相减，于是留下约 0.1 的误差。请先把两行的对数概率都算成
// explain.zh: 较小的数再组合：sum p_j * ((x_j - lse_p) - (y_j - lse_q))。
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
    bool q_zero_under_p = false;
    for (Eigen::Index j = 0; j < x.size(); ++j)
      if (x(j) > -inf && y(j) == -inf) q_zero_under_p = true;
    if (q_zero_under_p) {
      total += inf;
      continue;
    }
    const float mx = x.maxCoeff(), my = y.maxCoeff();
    const float lse_p = mx + std::log((x - mx).exp().sum());
    const float lse_q = my + std::log((y - my).exp().sum());
    float cross = 0.0f;  // E_p[x - y]
    for (Eigen::Index j = 0; j < x.size(); ++j)
      if (x(j) > -inf) cross += std::exp(x(j) - lse_p) * (x(j) - y(j));
    total += cross - lse_p + lse_q;  // bug: large terms cancel
  }
  return total / static_cast<float>(p_logits.rows());
}
