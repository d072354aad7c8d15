// Runs every chunk through the same code, empty ones included: an empty chunk
// gets max = -inf, sum = 0, lse = -inf and a partial output of 0 / 0 = NaN,
// and the merge multiplies that NaN by its weight 0.
// expect: wrong_answer edge
// mistake: Empty chunks turn the merge into NaN
// mistake.zh: 空块让合并结果变成 NaN
// explain: With C = ceil(m / num_splits), trailing chunks can be empty (m = 4 with 3 splits, or
// explain: num_splits > m). Such a chunk has lse = -inf and weight exp(-inf - lse) = 0, but its
// explain: partial output is 0 / 0 = NaN and 0 * NaN is NaN. Skip empty chunks in both stages (and
// explain: return zeros when there are no keys at all).
// explain.zh: 块大小 C = ceil(m / num_splits) 时，末尾的块可能为空（m = 4 分 3 块，或 num_splits > m）。
// explain.zh: 这样的块 lse = -inf，权重 exp(-inf - lse) = 0，但它的部分输出是 0 / 0 = NaN，而 0 * NaN 还是 NaN。
// explain.zh: 两个阶段都要跳过空块（没有任何键时返回全 0）。
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
    const VectorXf s = (k.middleRows(lo, len) * q) * scale;  // bug: len may be 0
    const float mx = len > 0 ? s.maxCoeff() : ninf;
    const Eigen::ArrayXf e = (s.array() - mx).exp();
    const float sum = e.sum();
    lse[c] = mx + std::log(sum);
    partial.col(c) = v.middleRows(lo, len).transpose() * (e / sum).matrix();
    if (len == 0) partial.col(c).setConstant(std::numeric_limits<float>::quiet_NaN());  // 0 / 0
  }
  VectorXf out = VectorXf::Zero(dv);
  const float top = *std::max_element(lse.begin(), lse.end());
  if (top == ninf) return out;  // no keys at all
  float total = 0;
  for (float l : lse) total += std::exp(l - top);
  const float all = top + std::log(total);
  for (Eigen::Index c = 0; c < splits; ++c) out += std::exp(lse[c] - all) * partial.col(c);
  return out;
}
