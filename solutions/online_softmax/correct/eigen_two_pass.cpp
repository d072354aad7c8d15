// Eigen, two passes over each chunk: the chunk's own state {max, sum}, then a
// merge with the incoming state. Empty sides are handled before any exp.
// expect: accepted
#include "exercise.h"

#include <algorithm>

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  if (a.max == -std::numeric_limits<float>::infinity()) return b;
  if (b.max == -std::numeric_limits<float>::infinity()) return a;
  const float m = std::max(a.max, b.max);
  return {m, a.sum * std::exp(a.max - m) + b.sum * std::exp(b.max - m)};
}

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  if (chunk.size() == 0) return state;
  const float m = chunk.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return state;
  const float s = (chunk.array() - m).exp().sum();
  return softmax_merge(state, {m, s});
}
