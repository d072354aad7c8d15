// When a chunk raises the maximum, adds the new terms exp(x - new_max) to the
// old sum without rescaling it: the old sum was relative to the old maximum and
// must be multiplied by exp(old_max - new_max) first.
// expect: wrong_answer basic
// mistake: Old sum not rescaled when a chunk raises the maximum
// mistake.zh: 块提高了最大值时，旧的 sum 没有重新缩放
// explain: The old sum is relative to the old maximum, yet the new terms exp(x - new_max) are added
// explain: to it unchanged, so whenever the maximum grows the values seen before are overweighted.
// explain: Multiply the old sum by exp(old_max - new_max) before adding the chunk's terms.
// explain.zh: 旧的 sum 是相对于旧最大值计算的，却直接与新的项 exp(x - new_max) 相加，
// explain.zh: 因此每当最大值变大，之前见过的值都被高估了。在加上这一块的各项之前，
// explain.zh: 先把旧的 sum 乘以 exp(old_max - new_max)。
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
