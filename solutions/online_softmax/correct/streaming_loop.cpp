// The classic one-pass loop over each element in float: when a new maximum
// arrives, rescale the running sum by exp(old_max - new_max) before adding 1.
// -inf entries are skipped, so exp(-inf - -inf) never happens.
// expect: accepted
#include "exercise.h"

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  const float neg_inf = -std::numeric_limits<float>::infinity();
  float m = state.max;
  float s = state.sum;
  for (Eigen::Index i = 0; i < chunk.size(); ++i) {
    const float x = chunk[i];
    if (x == neg_inf) continue;
    if (x > m) {
      s = (m == neg_inf ? 0.0f : s * std::exp(m - x)) + 1.0f;
      m = x;
    } else {
      s += std::exp(x - m);
    }
  }
  return {m, s};
}

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  const float neg_inf = -std::numeric_limits<float>::infinity();
  if (a.max == neg_inf) return b;
  if (b.max == neg_inf) return a;
  if (a.max >= b.max) return {a.max, a.sum + b.sum * std::exp(b.max - a.max)};
  return {b.max, b.sum + a.sum * std::exp(a.max - b.max)};
}
