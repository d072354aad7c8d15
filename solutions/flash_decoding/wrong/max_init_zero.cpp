// Starts each chunk's running maximum at 0 instead of -inf. While some score
// is above about -80 that is only a looser shift, but in a chunk whose scores
// all lie near -1000 every exp(s - 0) underflows: the sum is 0, the lse -inf
// and the partial output 0 / 0.
// expect: wrong_answer stability
// mistake: Chunk maximum started at 0 instead of -inf
// mistake.zh: 块内最大值的初值设为 0 而不是 -inf
// explain: With the maximum started at 0, a chunk whose scores are all near -1000 keeps max = 0, every
// explain: exp(s - 0) underflows to 0, and the chunk's sum is 0: its lse becomes -inf and its partial
// explain: output 0 / 0. Start the maximum at -inf (or take the maximum of the chunk's scores) so the
// explain: largest term of every chunk is exactly 1.
// explain.zh: 最大值从 0 开始时，分数都在 -1000 附近的块会保持 max = 0，每个 exp(s - 0) 都下溢为 0，
// explain.zh: 块内的和为 0：它的 lse 变成 -inf，部分输出变成 0 / 0。最大值应从 -inf 开始（或直接取块内分数的最大值），
// explain.zh: 这样每一块最大的那一项恰好是 1。
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
    float mx = 0;  // bug: should start at -inf
    for (Eigen::Index j = 0; j < len; ++j) mx = std::max(mx, s(j));
    const Eigen::ArrayXf e = (s.array() - mx).exp();
    const float sum = e.sum();
    lse[c] = mx + std::log(sum);
    partial.col(c) = v.middleRows(lo, len).transpose() * (e / sum).matrix();
  }
  VectorXf out = VectorXf::Zero(dv);
  const float top = *std::max_element(lse.begin(), lse.end());
  if (top == ninf) return out;  // no keys at all
  float total = 0;
  for (float l : lse) total += std::exp(l - top);
  const float all = top + std::log(total);
  for (Eigen::Index c = 0; c < splits; ++c)
    if (lse[c] != ninf) out += std::exp(lse[c] - all) * partial.col(c);
  return out;
}
