// The textbook formula without the max shift: exp(1000) overflows float32 to
// inf, and inf / inf is NaN.
// expect: wrong_answer stability
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const Eigen::VectorXf e = x.array().exp();
  return e / e.sum();
}
