// Weights each partial output by its raw chunk sum exp(lse_c) / sum exp(lse):
// right on paper, but exp(lse_c) overflows float32 once a chunk's scores pass
// about 88 (inf / inf = NaN) and underflows near -1000 (0 / 0).
// expect: wrong_answer stability
// mistake: Chunks weighted by exp(lse_c) without subtracting the largest lse
// mistake.zh: 直接用 exp(lse_c) 给各块加权，没有减去最大的 lse
// explain: exp(lse_c) is the chunk's unshifted sum of exp(scores): it overflows float32 to inf when
// explain: the scores reach about 88 and underflows to 0 near -1000, so the weights become
// explain: inf / inf or 0 / 0 = NaN. Factor out the largest lse first: weights exp(lse_c - lse) with
// explain: lse = L + log(sum_c exp(lse_c - L)), L = max_c lse_c.
// explain.zh: exp(lse_c) 就是该块未平移的 exp(分数) 之和：分数达到约 88 时在 float32 中溢出为 inf，
// explain.zh: 在 -1000 附近下溢为 0，于是权重变成 inf / inf 或 0 / 0 = NaN。先提出最大的 lse：
// explain.zh: 权重为 exp(lse_c - lse)，其中 lse = L + log(sum_c exp(lse_c - L))，L = max_c lse_c。
#include "exercise.h"

#include <algorithm>
#include <vector>

VectorXf flash_decoding(const VectorXf& q, const MatrixXf& k, const MatrixXf& v, int num_splits) {
  if (num_splits <= 0) throw std::invalid_argument("num_splits must be positive");
  if (q.size() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index m = k.rows(), dv = v.cols(), splits = num_splits;
  const Eigen::Index chunk = m / splits + (m % splits != 0);
  const float scale = q.size() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.size())) : 1.0f;
  const float ninf = -std::numeric_limits<float>::infinity();
  std::vector<float> lse(static_cast<std::size_t>(splits), ninf);
  MatrixXf partial = MatrixXf::Zero(dv, splits);
  for (Eigen::Index c = 0; c < splits; ++c) {
    const Eigen::Index lo = std::min(m, c * chunk), len = std::min(m, lo + chunk) - lo;
    if (len == 0) continue;
    const VectorXf s = (k.middleRows(lo, len) * q) * scale;
    const float mx = s.maxCoeff();
    const Eigen::ArrayXf e = (s.array() - mx).exp();
    const float sum = e.sum();
    lse[c] = mx + std::log(sum);
    partial.col(c) = v.middleRows(lo, len).transpose() * (e / sum).matrix();
  }
  VectorXf out = VectorXf::Zero(dv);
  float total = 0;
  for (float l : lse) total += std::exp(l);  // bug: no shift by the largest lse
  if (total == 0 && m == 0) return out;
  for (Eigen::Index c = 0; c < splits; ++c)
    if (lse[c] != ninf) out += std::exp(lse[c]) / total * partial.col(c);
  return out;
}
