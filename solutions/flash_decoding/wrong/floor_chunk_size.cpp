// Uses chunks of floor(m / num_splits) keys: the last m % num_splits keys
// belong to no chunk and are dropped (and num_splits > m gives chunks of 0).
// expect: wrong_answer basic
// mistake: Chunk size floor(m / num_splits) drops the last keys
// mistake.zh: 块大小取 floor(m / num_splits)，漏掉了最后几个键
// explain: With C = m / num_splits rounded down, num_splits chunks cover only num_splits * C keys: the
// explain: remaining m % num_splits keys are never attended (and with num_splits > m, C = 0 and
// explain: nothing is). Round up, C = m / num_splits + (m % num_splits != 0), and let the trailing
// explain: chunks be short or empty.
// explain.zh: C = m / num_splits 向下取整时，num_splits 个块只覆盖 num_splits * C 个键：剩下的
// explain.zh: m % num_splits 个键永远不会被关注（num_splits > m 时 C = 0，一个键都不会）。应向上取整，
// explain.zh: C = m / num_splits + (m % num_splits != 0)，让末尾的块较短或为空。
#include "exercise.h"

#include <algorithm>
#include <vector>

VectorXf flash_decoding(const VectorXf& q, const MatrixXf& k, const MatrixXf& v, int num_splits) {
  if (num_splits <= 0) throw std::invalid_argument("num_splits must be positive");
  if (q.size() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index m = k.rows(), dv = v.cols(), splits = num_splits;
  const Eigen::Index chunk = m / splits;  // bug: rounds down
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
