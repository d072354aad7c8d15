// Defines only merge carefully and folds every element in as the one-element
// state {x, 1} (an element of -inf is the empty state {-inf, 0}).
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <cmath>

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  if (std::isinf(a.max) && a.max < 0) return b;
  if (std::isinf(b.max) && b.max < 0) return a;
  const float m = std::max(a.max, b.max);
  return {m, a.sum * std::exp(a.max - m) + b.sum * std::exp(b.max - m)};
}

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  for (float x : chunk) {
    const SoftmaxState one = std::isinf(x) && x < 0
                                 ? SoftmaxState{-std::numeric_limits<float>::infinity(), 0.0f}
                                 : SoftmaxState{x, 1.0f};
    state = softmax_merge(state, one);
  }
  return state;
}
