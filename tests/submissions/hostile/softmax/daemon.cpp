// Tries to leave a daemon behind: setsid() to leave the judge's session and
// process group (so killing the group misses it), then fork() a child that
// outlives the case. setsid and fork are both outside the filter: the program
// must end with SIGSYS at the first call. If both ever succeed, the child
// sleeps 5 s (bounded) and exits, and the parent answers correctly, so an
// escape is "accepted".
// expect: runtime_error sample
#include "exercise.h"
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  bool escaped = false;
  if (setsid() >= 0) {
    const pid_t pid = fork();
    if (pid == 0) {
      sleep(5);
      _exit(0);
    }
    escaped = pid > 0;
  }
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
