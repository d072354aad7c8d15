// Reference: attention of one query over m keys computed as FlashDecoding does,
// in double precision: num_splits contiguous chunks of ceil(m / num_splits)
// keys (trailing chunks may be short or empty), a partial output and a
// log-sum-exp per chunk, then the partials combined with weights
// exp(lse_s - lse). Empty chunks (lse = -inf) are skipped; no keys gives zeros.
#include "reference_blocks.h"

#include <vector>

namespace reference {

Vector flash_decoding(const Vector& q, const Matrix& k, const Matrix& v, int num_splits) {
  using blocks::require;
  require(num_splits > 0, "flash_decoding: num_splits must be positive");
  require(q.size() == k.cols(), "flash_decoding: q needs one entry per column of k (d_k)");
  require(k.rows() == v.rows(), "flash_decoding: k and v need one row per key");
  const Eigen::Index m = k.rows(), dv = v.cols(), splits = num_splits;
  const Eigen::Index chunk = m / splits + (m % splits != 0 ? 1 : 0);  // ceil without overflow
  const double scale = blocks::inverse_sqrt(q.size());
  std::vector<double> lse;
  std::vector<Vector> partial;
  for (Eigen::Index s = 0; s < splits; ++s) {
    const Eigen::Index lo = std::min(m, s * chunk), hi = std::min(m, lo + chunk);
    if (lo >= hi) continue;  // an empty chunk contributes nothing (lse = -inf)
    const Vector scores = (k.middleRows(lo, hi - lo) * q) * scale;
    const double mx = scores.maxCoeff();
    const Eigen::ArrayXd e = (scores.array() - mx).exp();
    const double sum = e.sum();
    lse.push_back(mx + std::log(sum));
    partial.push_back(v.middleRows(lo, hi - lo).transpose() * (e / sum).matrix());
  }
  Vector out = Vector::Zero(dv);
  if (lse.empty()) return out;  // no keys
  double total_max = -kInf;
  for (double l : lse) total_max = std::max(total_max, l);
  double total = 0;
  for (double l : lse) total += std::exp(l - total_max);
  const double total_lse = total_max + std::log(total);
  for (std::size_t s = 0; s < lse.size(); ++s) out += std::exp(lse[s] - total_lse) * partial[s];
  return out;
}

}  // namespace reference
