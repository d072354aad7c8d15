// The mistake of solutions/online_softmax/wrong/no_rescale.cpp, written as one scalar loop that folds the chunk into a running maximum seeded with the state's own maximum (double sum), instead of Eigen's maxCoeff() and array sum.
// expect-mistake: no_rescale
#include "exercise.h"

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  float running_max = state.max;
  for (Eigen::Index i = 0; i < chunk.size(); ++i) running_max = std::max(running_max, chunk[i]);
  // Empty chunk, or nothing but -inf so far: nothing to add.
  if (running_max == -std::numeric_limits<float>::infinity()) return state;
  double total = state.sum;
  for (Eigen::Index i = 0; i < chunk.size(); ++i) total += std::exp(chunk[i] - running_max);
  return {running_max, static_cast<float>(total)};
}

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  if (b.max == -std::numeric_limits<float>::infinity()) return a;
  if (a.max == -std::numeric_limits<float>::infinity()) return b;
  const float top = a.max > b.max ? a.max : b.max;
  const double total = static_cast<double>(a.sum) * std::exp(static_cast<double>(a.max) - top) +
                       static_cast<double>(b.sum) * std::exp(static_cast<double>(b.max) - top);
  return {top, static_cast<float>(total)};
}
