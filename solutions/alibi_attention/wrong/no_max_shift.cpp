// Takes exp of the raw scores without subtracting the row maximum: scores
// near 1000 overflow float32 to inf (inf / inf = NaN), and rows whose scores
// all lie near -1000 underflow to 0 / 0.
// expect: wrong_answer stability
// mistake: Softmax without subtracting the row maximum
// mistake.zh: softmax 没有减去行最大值
// explain: exp(s) overflows float32 above about 88, so a row with scores near 1000 becomes
// explain: inf / inf = NaN, and near -1000 every exp underflows to 0. Subtract the maximum of the
// explain: visible scores of the row (bias included) before exp: the result is the same and every
// explain: exponent is at most 0.
// explain.zh: exp(s) 在 s 超过约 88 时会在 float32 中溢出，分数接近 1000 的行会变成 inf / inf = NaN；
// explain.zh: 分数接近 -1000 时每个 exp 都下溢为 0。取指数之前先减去该行可见分数（含偏置）的最大值：
// explain.zh: 结果不变，而且每个指数都不大于 0。
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
    mx = 0;  // bug: no max shift
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
