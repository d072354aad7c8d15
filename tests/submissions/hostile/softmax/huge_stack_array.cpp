// Puts a 2 GiB array on the stack and touches both ends. The stack is far
// smaller (and the whole address space is limited to 1 GiB): the program must
// die with a signal on the first touch and cost only a runtime error, not
// crash the judge or hang.
// expect: runtime_error sample
#include "exercise.h"
#include <cstddef>

namespace {
__attribute__((noinline)) float touch(std::size_t n) {
  volatile char big[std::size_t(2) << 30];
  big[0] = static_cast<char>(n);
  big[sizeof big - 1] = static_cast<char>(n);
  return big[0] + big[sizeof big - 1];
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  Eigen::VectorXf y = Eigen::VectorXf::Zero(x.size());
  const float t = touch(static_cast<std::size_t>(x.size()));
  if (y.size() > 0) y(0) = t;
  return y;
}
