// When a chunk raises the maximum, adds the new terms exp(x - new_max) to the
// old sum without rescaling it: the old sum was relative to the old maximum and
// must be multiplied by exp(old_max - new_max) first.
// expect: wrong_answer basic
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
  const float chunk_max = chunk.maxCoeff();
  if (chunk_max == -std::numeric_limits<float>::infinity()) return state;
  const float m = std::max(state.max, chunk_max);
  return {m, state.sum + (chunk.array() - m).exp().sum()};  // state.sum not rescaled
}
