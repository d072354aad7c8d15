// Computes both softmaxes (stably) and then p_j * log(p_j / q_j). A q
// probability that underflows to 0 in float32 (exp(-1000), exp(-400)) gives
// log(p / 0) = inf, while the divergence is an ordinary number: 1000 for
// p_logits [1000, 0] against q_logits [0, 1000].
// expect: wrong_answer stability
// mistake: log(p / q) from computed probabilities instead of the log-softmaxes
// mistake.zh: 用算出来的概率计算 log(p / q)，而不是用 log-softmax
// explain: A probability below about 1e-45 is 0 in float32, so log(p_j / q_j) becomes inf (or NaN
// explain: for 0 / 0) where the true term is an ordinary number: p_logits [1000, 0] against q_logits
// explain: [0, 1000] has KL 1000, not inf. Stay in log space: log p_j = x_j - lse_p and log q_j =
// explain: y_j - lse_q, each log-sum-exp with its row maximum subtracted; only p_j itself needs exp.
// explain.zh: float32 中小于约 1e-45 的概率就是 0，所以 log(p_j / q_j) 会变成 inf（0 / 0 时是 NaN），
// explain.zh: 而真实的项只是普通的数：p_logits [1000, 0] 对 q_logits [0, 1000] 的 KL 是 1000，而不是 inf。
// explain.zh: 请在对数空间中计算：log p_j = x_j - lse_p，log q_j = y_j - lse_q，每个 log-sum-exp
// explain.zh: 都减去该行的最大值；只有 p_j 本身需要取 exp。
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
    Eigen::ArrayXf p = (x - x.maxCoeff()).exp();
    p /= p.sum();
    Eigen::ArrayXf q = (y - y.maxCoeff()).exp();
    q /= q.sum();
    float kl = 0.0f;
    for (Eigen::Index j = 0; j < x.size(); ++j) {
      if (x(j) == -inf) continue;
      if (y(j) == -inf) {
        kl = inf;
        break;
      }
      kl += p(j) * std::log(p(j) / q(j));  // bug: q(j) may underflow to 0
    }
    total += kl;
  }
  return total / static_cast<float>(p_logits.rows());
}
