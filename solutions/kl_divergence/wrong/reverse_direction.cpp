// Computes KL(q || p): the weights come from q and the log ratio is
// log q - log p. KL is not symmetric, so the numbers differ (a peaked p
// against a flat q gives 1.29 one way and 0.75 the other).
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: KL(q || p) instead of KL(p || q)
// mistake.zh: 计算了 KL(q || p) 而不是 KL(p || q)
// explain: KL divergence is not symmetric: KL(p || q) = sum_j p_j (log p_j - log q_j) averages the
// explain: log ratio under p, the first argument. Weighting by q and taking log q - log p gives
// explain: KL(q || p), a different number unless the rows match (a peaked p against a flat q gives
// explain: about 1.29 one way and 0.75 the other). Weight by p = softmax(p_logits).
// explain.zh: KL 散度不对称：KL(p || q) = sum_j p_j (log p_j - log q_j) 是在第一个参数 p 下对对数比
// explain.zh: 取平均。用 q 加权、取 log q - log p 得到的是 KL(q || p)，除非两行相同，否则是另一个数
// explain.zh: （尖锐的 p 对平坦的 q，一个方向约为 1.29，另一个方向约为 0.75）。请用 p = softmax(p_logits) 加权。
#include "exercise.h"

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  if (p_logits.rows() != q_logits.rows() || p_logits.cols() != q_logits.cols())
    throw std::invalid_argument("shapes differ");
  if (p_logits.rows() == 0) throw std::invalid_argument("no rows");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < p_logits.rows(); ++i) {
    // bug: the roles of p and q are swapped
    const Eigen::ArrayXf a = q_logits.row(i).transpose().array();
    const Eigen::ArrayXf b = p_logits.row(i).transpose().array();
    if (a.size() == 0 || a.maxCoeff() == -inf) continue;
    const float ma = a.maxCoeff(), mb = b.maxCoeff();
    const float lse_a = ma + std::log((a - ma).exp().sum());
    const float lse_b = mb + std::log((b - mb).exp().sum());
    float kl = 0.0f;
    for (Eigen::Index j = 0; j < a.size(); ++j) {
      if (a(j) == -inf) continue;
      if (b(j) == -inf) {
        kl = inf;
        break;
      }
      const float log_a = a(j) - lse_a;
      kl += std::exp(log_a) * (log_a - (b(j) - lse_b));
    }
    total += kl;
  }
  return total / static_cast<float>(p_logits.rows());
}
