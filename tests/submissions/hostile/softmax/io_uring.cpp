// Tries io_uring, a well-known way around system-call filters: once a ring
// exists, reads, writes, opens and even socket connects go through shared
// memory and never show up as system calls. io_uring_setup is outside the
// filter: the program must end with SIGSYS. If a ring is ever created, the
// file answers correctly, so the hole shows up as "accepted".
// expect: runtime_error sample
#include "exercise.h"
#include <sys/syscall.h>
#include <unistd.h>
#include <cstring>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  bool escaped = false;
#ifdef SYS_io_uring_setup
  unsigned char params[120];  // struct io_uring_params
  std::memset(params, 0, sizeof params);
  const long ring = syscall(SYS_io_uring_setup, 4, params);
  if (ring >= 0) {
    escaped = true;
    close(static_cast<int>(ring));
  }
#endif
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
