// Writes through a null pointer.
// expect: runtime_error sample
#include "exercise.h"
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  volatile float* p = nullptr;
  *p = x.size();
  return x;
}
