// The FlashDecoding way, with Eigen: each chunk's scores in one matrix-vector
// product, its partial output and log-sum-exp stored per split (as the GPU
// kernel writes them out), then one reduction over the splits with weights
// exp(lse_c - lse).
// expect: accepted
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
  const float top = *std::max_element(lse.begin(), lse.end());
  if (top == ninf) return out;  // no keys at all
  float total = 0;
  for (float l : lse) total += std::exp(l - top);
  const float all = top + std::log(total);
  for (Eigen::Index c = 0; c < splits; ++c)
    if (lse[c] != ninf) out += std::exp(lse[c] - all) * partial.col(c);
  return out;
}
