// Two float loops: the maximum, then the shifted sum.
// expect: accepted
#include "exercise.h"

float vector_logsumexp(const Eigen::VectorXf& x) {
  float m = -std::numeric_limits<float>::infinity();
  for (Eigen::Index i = 0; i < x.size(); ++i) m = std::max(m, x[i]);
  if (m == -std::numeric_limits<float>::infinity()) return m;
  float sum = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) sum += std::exp(x[i] - m);
  return m + std::log(sum);
}
