// Never special-cases the empty state. Merging two empty states computes
// 0 * exp(-inf - -inf) = 0 * exp(NaN) = NaN, and folding an all -inf chunk into
// the empty state computes exp(-inf - -inf) for every entry. An empty side
// must simply return the other side.
// expect: wrong_answer edge
// mistake: Empty state {-inf, 0} not special-cased: NaN
// mistake.zh: 没有特殊处理空状态 {-inf, 0}，得到 NaN
// explain: Merging two empty states computes 0 * exp(-inf - (-inf)) = 0 * exp(NaN) = NaN, and
// explain: folding an all -inf chunk into the empty state computes exp(-inf - (-inf)) for every
// explain: entry, so the state becomes NaN instead of staying {-inf, 0}. Check for max == -inf
// explain: before any exp: an empty side simply returns the other side.
// explain.zh: 合并两个空状态时会计算 0 * exp(-inf - (-inf)) = 0 * exp(NaN) = NaN；
// explain.zh: 把全为 -inf 的块折叠进空状态时，每一项都要计算 exp(-inf - (-inf))，于是状态变成 NaN，
// explain.zh: 而不是保持 {-inf, 0}。在取任何 exp 之前先检查 max == -inf：空的一方直接返回另一方。
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
