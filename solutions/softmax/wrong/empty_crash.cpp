// Calls maxCoeff() on an empty vector: Eigen asserts and the program aborts.
// expect: runtime_error edge
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
