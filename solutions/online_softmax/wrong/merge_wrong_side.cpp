// The merge rescales only a's sum, as if b always held the larger maximum.
// When a.max > b.max, b's sum must be multiplied by exp(b.max - a.max); here it
// is added as is. Merges must rescale whichever side has the smaller maximum.
// expect: wrong_answer basic
#include "exercise.h"

#include <algorithm>

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  if (a.max == -std::numeric_limits<float>::infinity()) return b;
  if (b.max == -std::numeric_limits<float>::infinity()) return a;
  const float m = std::max(a.max, b.max);
  return {m, a.sum * std::exp(a.max - m) + b.sum};  // b never rescaled
}

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  if (chunk.size() == 0) return state;
  const float m = chunk.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return state;
  return softmax_merge(state, {m, (chunk.array() - m).exp().sum()});
}
