// Sums exp(x) without subtracting the maximum and divides by exp(max) at the
// end. Mathematically the same, but exp(1000) overflows float32 to inf (and
// inf / inf is NaN), while at -1000 everything underflows to 0 / 0.
// expect: wrong_answer stability
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
