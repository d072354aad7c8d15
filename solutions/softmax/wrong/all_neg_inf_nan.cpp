// Shifts by the max, but a vector of all -inf has max -inf and -inf - -inf is
// NaN: the convention is a vector of zeros.
// expect: wrong_answer edge
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) return x;
  const float m = x.maxCoeff();
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
