// Biases every key by -slope * |i - j| and drops the causal mask: the bias
// alone is taken as the position handling, so queries read future keys.
// expect: wrong_answer basic
// mistake: Symmetric bias -slope * |i - j| without the causal mask
// mistake.zh: 用对称偏置 -slope * |i - j|，却没有因果掩码
// explain: ALiBi only adds a penalty; it does not hide anything. With -slope * |i - j| over every key,
// explain: query i still gives future keys j > i a weight (a large one when their score is high),
// explain: and row 0 is no longer v_0. Keep the causal mask: only keys j <= i enter the softmax,
// explain: each with the bias -slope * (i - j).
// explain.zh: ALiBi 只是加一个惩罚，并不遮挡任何东西。对所有键加 -slope * |i - j|，
// explain.zh: 查询 i 仍然会给 j > i 的未来键分配权重（分数高时权重还很大），第 0 行也不再等于 v_0。
// explain.zh: 要保留因果掩码：只有 j <= i 的键进入 softmax，每个键的偏置是 -slope * (i - j)。
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
    const Eigen::Index last = n - 1;  // bug: sees every key
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j <= last; ++j) {
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      w[j] = dot * scale - slope * static_cast<float>(std::abs(i - j));
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
