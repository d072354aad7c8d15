// The literal formula: exp(1000) overflows float32 to inf, so the result is inf.
// expect: wrong_answer stability
#include "exercise.h"

float vector_logsumexp(const Eigen::VectorXf& x) {
  if (x.size() == 0) return -std::numeric_limits<float>::infinity();
  return std::log(x.array().exp().sum());
}
