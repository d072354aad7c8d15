// Float states, but every chunk sum and rescale is computed in double and
// rounded once at the end.
// expect: accepted
#include "exercise.h"

#include <algorithm>

namespace {

SoftmaxState merge_in_double(double a_max, double a_sum, double b_max, double b_sum) {
  const double neg_inf = -std::numeric_limits<double>::infinity();
  if (a_max == neg_inf) return {static_cast<float>(b_max), static_cast<float>(b_sum)};
  if (b_max == neg_inf) return {static_cast<float>(a_max), static_cast<float>(a_sum)};
  const double m = std::max(a_max, b_max);
  const double s = a_sum * std::exp(a_max - m) + b_sum * std::exp(b_max - m);
  return {static_cast<float>(m), static_cast<float>(s)};
}

}  // namespace

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  return merge_in_double(a.max, a.sum, b.max, b.sum);
}

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  double m = -std::numeric_limits<double>::infinity();
  for (Eigen::Index i = 0; i < chunk.size(); ++i) m = std::max(m, static_cast<double>(chunk[i]));
  if (m == -std::numeric_limits<double>::infinity()) return state;
  double s = 0.0;
  for (Eigen::Index i = 0; i < chunk.size(); ++i) s += std::exp(static_cast<double>(chunk[i]) - m);
  return merge_in_double(state.max, state.sum, m, s);
}
