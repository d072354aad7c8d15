// Divides the bias by sqrt(d_k) too: (q_i . k_j - slope * (i - j)) / sqrt(d_k).
// The distance penalty comes out sqrt(d_k) times too weak.
// expect: wrong_answer basic
// mistake: Bias divided by sqrt(d_k) along with the dot product
// mistake.zh: 偏置也跟着点积一起除以了 sqrt(d_k)
// explain: Only the dot product is scaled: s = q_i . k_j / sqrt(d_k) - slope * (i - j). Putting the
// explain: bias inside the division makes the penalty sqrt(d_k) times weaker than the slope says,
// explain: so distant keys keep too much weight whenever d_k > 1. Subtract the bias after scaling.
// explain.zh: 只有点积需要缩放：s = q_i . k_j / sqrt(d_k) - slope * (i - j)。把偏置放进除法里，
// explain.zh: 惩罚就比 slope 规定的弱了 sqrt(d_k) 倍，d_k > 1 时远处的键会保留过多的权重。缩放之后再减偏置。
#include "exercise.h"

#include <vector>

MatrixXf alibi_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float slope) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("alibi_attention: shapes do not fit");
  if (!std::isfinite(slope) || slope < 0)
    throw std::invalid_argument("alibi_attention: slope must be finite and >= 0");
  const Eigen::Index n = q.rows(), dk = q.cols(), dv = v.cols();
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, dv);
  std::vector<float> w(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index last = i;
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j <= last; ++j) {
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      w[j] = (dot - slope * static_cast<float>(i - j)) * scale;  // bug: bias scaled
      mx = std::max(mx, w[j]);
    }
    float sum = 0;
    for (Eigen::Index j = 0; j <= last; ++j) {
      w[j] = std::exp(w[j] - mx);
      sum += w[j];
    }
    for (Eigen::Index j = 0; j <= last; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}
