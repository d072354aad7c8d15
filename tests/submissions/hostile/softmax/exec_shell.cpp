// Tries to start a shell to compute or fetch the answer.
// 1. execl() of /bin/sh, /bin/bash, /usr/bin/sh: execve itself is allowed
//    (the jail needs it), but the run sandbox mounts only /usr/lib, so no
//    shell exists and each execl fails with ENOENT. Should one start, it spins
//    forever, and the verdict turns into time_limit (the test breaks).
// 2. system("..."): starting a process needs clone() without CLONE_THREAD,
//    which the filter kills: the program ends with SIGSYS (runtime_error).
//    Should system() ever run its command, the file answers correctly, so an
//    escape is "accepted".
// expect: runtime_error sample
#include "exercise.h"
#include <cstdlib>
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  for (const char* shell : {"/bin/sh", "/bin/bash", "/usr/bin/sh", "/usr/bin/bash", "/bin/dash"})
    execl(shell, "sh", "-c", "while :; do :; done", static_cast<char*>(nullptr));
  const bool escaped =
      std::system("cat /work/main/solutions/softmax/reference.cpp > /tmp/stolen; exit 7") == 7 << 8;
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
