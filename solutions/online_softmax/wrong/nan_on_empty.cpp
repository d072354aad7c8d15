// Never special-cases the empty state. Merging two empty states computes
// 0 * exp(-inf - -inf) = 0 * exp(NaN) = NaN, and folding an all -inf chunk into
// the empty state computes exp(-inf - -inf) for every entry. An empty side
// must simply return the other side.
// expect: wrong_answer edge
#include "exercise.h"

#include <algorithm>

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  const float m = std::max(a.max, b.max);
  return {m, a.sum * std::exp(a.max - m) + b.sum * std::exp(b.max - m)};
}

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  if (chunk.size() == 0) return state;
  const float m = std::max(state.max, chunk.maxCoeff());
  const float s = state.sum * std::exp(state.max - m) + (chunk.array() - m).exp().sum();
  return {m, s};
}
