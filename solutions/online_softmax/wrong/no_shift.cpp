// Sums exp(x) without subtracting the maximum and divides by exp(max) at the
// end. Mathematically the same, but exp(1000) overflows float32 to inf (and
// inf / inf is NaN), while at -1000 everything underflows to 0 / 0.
// expect: wrong_answer stability
// mistake: Sum of exp(x) divided by exp(max) at the end
// mistake.zh: 先求 exp(x) 之和，最后再除以 exp(max)
// explain: Summing exp(x) unshifted and dividing by exp(max) afterwards is the same on paper, but
// explain: exp(1000) overflows float32 to inf and inf / inf is NaN, while near -1000 everything
// explain: underflows to 0 / 0. Exponentiate only differences x - max <= 0, and rescale sums by
// explain: exp(old_max - new_max).
// explain.zh: 先对未平移的 x 求 exp 之和，最后再除以 exp(max)，在数学上等价，
// explain.zh: 但 exp(1000) 在 float32 中溢出为 inf，inf / inf 得到 NaN；
// explain.zh: 而在 -1000 附近一切都会下溢，变成 0 / 0。只对差值 x - max <= 0 取指数，
// explain.zh: 合并 sum 时用 exp(old_max - new_max) 重新缩放。
#include "exercise.h"

#include <algorithm>

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  if (a.max == -std::numeric_limits<float>::infinity()) return b;
  if (b.max == -std::numeric_limits<float>::infinity()) return a;
  const float m = std::max(a.max, b.max);
  const float total = a.sum * std::exp(a.max) + b.sum * std::exp(b.max);
  return {m, total / std::exp(m)};
}

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  if (chunk.size() == 0) return state;
  const float m = chunk.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return state;
  const float total = chunk.array().exp().sum();
  return softmax_merge(state, {m, total / std::exp(m)});
}
