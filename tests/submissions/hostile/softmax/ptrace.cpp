// Uses ptrace: PTRACE_TRACEME (to be traced by the judge), then
// PTRACE_ATTACH to its parent (to read or rewrite the judge's memory, where
// the expected values live). ptrace is outside the filter: the first call
// must end the program with SIGSYS. If a call ever succeeds the file detaches
// and answers correctly, so an escape is "accepted".
// expect: runtime_error sample
#include "exercise.h"
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  bool escaped = ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) == 0;
  if (!escaped) {
    const pid_t parent = getppid();
    if (ptrace(PTRACE_ATTACH, parent, nullptr, nullptr) == 0) {
      escaped = true;
      waitpid(parent, nullptr, __WALL);
      ptrace(PTRACE_DETACH, parent, nullptr, nullptr);
    }
  }
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
