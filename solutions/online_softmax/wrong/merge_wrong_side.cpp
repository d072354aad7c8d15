// The merge rescales only a's sum, as if b always held the larger maximum.
// When a.max > b.max, b's sum must be multiplied by exp(b.max - a.max); here it
// is added as is. Merges must rescale whichever side has the smaller maximum.
// expect: wrong_answer basic
// mistake: Merge rescales only a's sum, never b's
// mistake.zh: 合并时只缩放 a 的 sum，从不缩放 b 的
// explain: The merge multiplies a.sum by exp(a.max - m) but adds b.sum as is, which is right only
// explain: when b holds the larger maximum; when a.max > b.max, b's sum is relative to b.max and
// explain: comes out too large. Rescale both sides to the new maximum m: sum = a.sum * exp(a.max -
// explain: m) + b.sum * exp(b.max - m).
// explain.zh: 合并时 a.sum 乘了 exp(a.max - m)，b.sum 却原样相加，这只在 b 的最大值更大时才对；
// explain.zh: 当 a.max > b.max 时，b 的 sum 是相对于 b.max 计算的，结果会偏大。
// explain.zh: 两边都要缩放到新的最大值 m：sum = a.sum * exp(a.max - m) + b.sum * exp(b.max - m)。
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
