// Forks in a loop (a fork bomb). The sandbox allows threads but no new
// process: the first fork() (clone without CLONE_THREAD) must end the program
// with SIGSYS. If a fork ever succeeds, the child leaves at once and the file
// answers correctly, so an escape shows up as "accepted". The loop is bounded
// (10000 tries) and every child _exits immediately, so even an unsandboxed run
// cannot hurt the machine.
// expect: runtime_error sample
#include "exercise.h"
#include <sys/wait.h>
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  bool forked = false;
  for (int i = 0; i < 10000 && !forked; ++i) {
    const pid_t pid = fork();
    if (pid == 0) _exit(0);
    if (pid > 0) {
      waitpid(pid, nullptr, 0);
      forked = true;
    }
  }
  if (!forked || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
