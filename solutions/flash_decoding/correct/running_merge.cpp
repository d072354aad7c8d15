// Each chunk yields an unnormalised state (max, sum, acc); the states are
// merged one after another with the online-softmax rule, rescaling by
// exp(old - new) maxima, and the output is acc / sum at the end. An empty
// chunk's state {-inf, 0, 0} is skipped by the merge.
// expect: accepted
#include "exercise.h"

#include <algorithm>

namespace {
struct State {
  float max = -std::numeric_limits<float>::infinity();
  float sum = 0;
  VectorXf acc;
};

void merge_into(State& into, const State& s) {
  if (s.max == -std::numeric_limits<float>::infinity()) return;  // empty chunk
  const float top = std::max(into.max, s.max);
  const float a = std::exp(into.max - top), b = std::exp(s.max - top);
  into.sum = a * into.sum + b * s.sum;
  into.acc = a * into.acc + b * s.acc;
  into.max = top;
}
}  // namespace

VectorXf flash_decoding(const VectorXf& q, const MatrixXf& k, const MatrixXf& v, int num_splits) {
  if (num_splits <= 0) throw std::invalid_argument("num_splits must be positive");
  if (q.size() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index m = k.rows(), dv = v.cols(), splits = num_splits;
  const Eigen::Index chunk = m / splits + (m % splits != 0);
  const float scale = q.size() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.size())) : 1.0f;
  State total;
  total.acc = VectorXf::Zero(dv);
  for (Eigen::Index c = 0; c < splits; ++c) {
    State part;
    part.acc = VectorXf::Zero(dv);
    const Eigen::Index lo = std::min(m, c * chunk), hi = std::min(m, lo + chunk);
    if (lo < hi) {
      const VectorXf s = (k.middleRows(lo, hi - lo) * q) * scale;
      part.max = s.maxCoeff();
      const VectorXf e = (s.array() - part.max).exp().matrix();
      part.sum = e.sum();
      part.acc = v.middleRows(lo, hi - lo).transpose() * e;
    }
    merge_into(total, part);
  }
  if (total.sum == 0) return VectorXf::Zero(dv);
  return total.acc / total.sum;
}
