// Returns the maximum alone, a "hard" log-sum-exp: it drops log(sum exp(x - m)).
// expect: wrong_answer sample
// expect: wrong_answer basic
#include "exercise.h"

float vector_logsumexp(const Eigen::VectorXf& x) {
  if (x.size() == 0) return -std::numeric_limits<float>::infinity();
  return x.maxCoeff();
}
