// Gets a signal delivered to another process without kill(): fcntl(F_SETOWN)
// names the jail's parent (getppid()) as the owner of a pipe, F_SETSIG picks
// the signal and O_ASYNC makes every write to the pipe send it. The kernel
// only checks that the owner has the same uid, which it has. The filter
// allows fcntl's descriptor-flag commands only (F_DUPFD, F_DUPFD_CLOEXEC,
// F_GETFD, F_SETFD, F_GETFL, F_SETFL); F_SETOWN must end the program with
// SIGSYS (runtime_error). If it is accepted the file answers correctly, so an
// escape shows up as "accepted".
// Safety: inside the bubblewrap sandbox (host name "judge", a pid below 10)
// the signal is SIGWINCH, which a process without a handler ignores; anywhere
// else the owner is set but O_ASYNC is never turned on, so no signal is sent.
// expect: runtime_error sample
#include "exercise.h"
#include <fcntl.h>
#include <csignal>
#include <cstring>
#include <sys/utsname.h>
#include <unistd.h>

namespace {
bool signalled_parent() {
  utsname u{};
  const bool sandboxed = uname(&u) == 0 && std::strcmp(u.nodename, "judge") == 0 && getpid() < 10;
  int p[2];
  if (pipe(p) != 0) return false;
  bool escaped = fcntl(p[0], F_SETOWN, getppid()) == 0 && fcntl(p[0], F_GETOWN) == getppid();
  if (escaped && sandboxed) {
    escaped = fcntl(p[0], F_SETSIG, SIGWINCH) == 0 &&
              fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_ASYNC) == 0;
    if (escaped) escaped = write(p[1], "x", 1) == 1;  // the parent gets SIGWINCH here
  }
  close(p[0]);
  close(p[1]);
  return escaped;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool escaped = signalled_parent();
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
