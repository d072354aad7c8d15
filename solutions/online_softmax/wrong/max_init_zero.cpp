// Starts the chunk's running maximum at 0 instead of -inf. Chunks whose values
// are all below zero then report max = 0 (and at -1000 every exp(x - 0)
// underflows, so the sum is 0 too); an all -inf chunk turns the empty state
// into {0, 0} instead of leaving it {-inf, 0}.
// expect: wrong_answer basic
// expect: wrong_answer stability
// expect: wrong_answer edge
// mistake: Running maximum started at 0 instead of -inf
// mistake.zh: 运行最大值从 0 而不是 -inf 开始
// explain: Starting the chunk's maximum at 0 reports max = 0 for a chunk of negative values, so the
// explain: state's max is wrong, and near -1000 every exp(x - 0) underflows and the sum is 0 too;
// explain: an all -inf chunk turns the empty state into {0, 0} instead of leaving it {-inf, 0}.
// explain: Start the running maximum at -inf, and if it is still -inf after the chunk (every entry
// explain: -inf), return the state unchanged.
// explain.zh: 块的最大值从 0 开始时，全为负数的块会报告 max = 0，状态的 max 就错了；
// explain.zh: 在 -1000 附近每个 exp(x - 0) 都会下溢，sum 也变成 0；
// explain.zh: 全为 -inf 的块会把空状态变成 {0, 0}，而不是保持 {-inf, 0}。运行最大值应从 -inf 开始；
// explain.zh: 若遍历完这一块后它仍是 -inf（所有项都是 -inf），就原样返回状态。
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
