// Exits with code 0 inside the call: a clean exit code must not count as a pass.
// expect: runtime_error sample
#include "exercise.h"
#include <cstdlib>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  std::exit(0);
  return x;
}
