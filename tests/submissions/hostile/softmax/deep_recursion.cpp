// Recurses without end. The addition after the call and the volatile frame
// stop the compiler from turning it into a loop, so the stack overflows: the
// program must die (SIGSEGV on the stack guard) and cost only a runtime error.
// expect: runtime_error sample
#include "exercise.h"

namespace {
__attribute__((noinline)) int descend(int depth) {
  volatile char frame[256];
  frame[0] = static_cast<char>(depth);
  return descend(depth + 1) + frame[0];
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  Eigen::VectorXf y = Eigen::VectorXf::Zero(x.size());
  if (descend(0) == 42 && y.size() > 0) y(0) = 1;
  return y;
}
