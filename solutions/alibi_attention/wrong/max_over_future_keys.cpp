// Computes the row maximum over every key, future ones included, and masks
// only afterwards. When a future key scores far above the visible ones, every
// visible exp(s - max) underflows to 0 and the row becomes 0 / 0.
// expect: wrong_answer stability
// mistake: Row maximum taken over the future keys too
// mistake.zh: 行最大值把未来的键也算进去了
// explain: Any shift gives the same softmax on paper, but in float32 the visible terms are
// explain: exp(s - max): if a future key scores 2000 and the visible ones under 10, all of them
// explain: underflow to 0 and the row is 0 / 0 = NaN. Mask first: take the maximum over j <= i only.
// explain.zh: 数学上用任何平移量得到的 softmax 都一样，但在 float32 中可见项是 exp(s - max)：
// explain.zh: 如果某个未来键的分数是 2000，而可见键都不到 10，它们会全部下溢为 0，这一行变成 0 / 0 = NaN。
// explain.zh: 先施加掩码：只在 j <= i 上求最大值。
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
      w[j] = dot * scale - slope * static_cast<float>(i - j);
      mx = std::max(mx, w[j]);
    }
    for (Eigen::Index j = i + 1; j < n; ++j) {  // bug: future keys set the maximum
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      mx = std::max(mx, dot * scale - slope * static_cast<float>(i - j));
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
