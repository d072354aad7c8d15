// Aborts inside the call.
// expect: runtime_error sample
#include "exercise.h"
#include <cstdlib>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  std::abort();
  return x;
}
