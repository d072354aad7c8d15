// An initialised 4 GiB static array: the compiler asks the assembler for a
// 4 GiB data section. The compile step's file-size limit (256 MiB) must stop
// the assembler (SIGXFSZ) long before the disk fills, and the learner gets a
// compile error, not a judge crash.
// expect: compile_error
#include "exercise.h"

static char big[1ull << 32] = {1};

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  Eigen::VectorXf y = Eigen::VectorXf::Zero(x.size());
  if (y.size() > 0) y(0) = big[static_cast<std::size_t>(x.size()) << 20];
  return y;
}
