// One pass per row, online-softmax style: running maxima and rescaled sums for
// p and q, plus t = sum_j exp(x_j - m_p) * (x_j - y_j) rescaled with p's sum.
// Then KL = t / s_p - lse_p + lse_q, since sum_j p_j = 1.
// expect: accepted
#include "exercise.h"

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  const Eigen::Index n = p_logits.rows(), v = p_logits.cols();
  if (n != q_logits.rows() || v != q_logits.cols())
    throw std::invalid_argument("kl_divergence needs two matrices of the same shape");
  if (n == 0) throw std::invalid_argument("kl_divergence of zero rows");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < n; ++i) {
    float mp = -inf, sp = 0.0f, t = 0.0f;  // p's running max, sum, weighted difference
    float mq = -inf, sq = 0.0f;            // q's running max and sum
    bool infinite = false;
    for (Eigen::Index j = 0; j < v; ++j) {
      const float x = p_logits(i, j), y = q_logits(i, j);
      if (y > mq) {
        sq = sq * std::exp(mq - y) + 1.0f;  // exp(-inf) = 0 on the first finite y
        mq = y;
      } else if (y > -inf) {
        sq += std::exp(y - mq);
      }
      if (x == -inf) continue;  // p_j = 0: no contribution
      if (y == -inf) infinite = true;
      if (infinite) continue;
      if (x > mp) {
        const float scale = std::exp(mp - x);
        sp = sp * scale + 1.0f;
        t = t * scale + (x - y);
        mp = x;
      } else {
        const float w = std::exp(x - mp);
        sp += w;
        t += w * (x - y);
      }
    }
    if (mp == -inf && !infinite) continue;  // p is the zero row
    if (infinite) {
      total += inf;
      continue;
    }
    total += t / sp - (mp + std::log(sp)) + (mq + std::log(sq));
  }
  return total / static_cast<float>(n);
}
