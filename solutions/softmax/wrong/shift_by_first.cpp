// Shifts by the first entry instead of the maximum: fine when x[0] is the
// largest, overflow when a later entry is far above it.
// expect: wrong_answer stability
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) return x;
  const Eigen::VectorXf e = (x.array() - x(0)).exp();
  return e / e.sum();
}
