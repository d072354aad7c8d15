// Starts the chunk's running maximum at 0 instead of -inf. Chunks whose values
// are all below zero then report max = 0 (and at -1000 every exp(x - 0)
// underflows, so the sum is 0 too); an all -inf chunk turns the empty state
// into {0, 0} instead of leaving it {-inf, 0}.
// expect: wrong_answer basic
// expect: wrong_answer stability
// expect: wrong_answer edge
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
  float m = 0.0f;  // the bug: should start at -inf
  for (Eigen::Index i = 0; i < chunk.size(); ++i) m = std::max(m, chunk[i]);
  float s = 0.0f;
  for (Eigen::Index i = 0; i < chunk.size(); ++i) s += std::exp(chunk[i] - m);
  return softmax_merge(state, {m, s});
}
