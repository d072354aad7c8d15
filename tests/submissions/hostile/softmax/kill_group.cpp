// Signals its own process group with kill(0, sig). The filter used to allow
// it (it is what raise() might have used), but the program's group also held
// the jail's parent, which reports the exit status, and bubblewrap's init
// (the group is pid 1's): kill(0, SIGKILL) took the reporter down with the
// program, and kill(0, SIGSTOP) would stop it. The
// program now runs in a session and group of its own, and the filter ends it
// with SIGSYS on kill(0, ...) (runtime_error). If the signal is accepted the
// file answers correctly, so an escape shows up as "accepted".
// Safety: inside the bubblewrap sandbox (host name "judge", a pid below 10)
// the signal is SIGWINCH, which the program ignores and every process
// without a handler ignores by default (a lethal one would also kill the
// program, and so prove nothing to the judge); anywhere else it is signal 0,
// which delivers nothing.
// expect: runtime_error sample
#include "exercise.h"
#include <csignal>
#include <cstring>
#include <sys/utsname.h>
#include <unistd.h>

namespace {
bool signalled_group() {
  utsname u{};
  const bool sandboxed = uname(&u) == 0 && std::strcmp(u.nodename, "judge") == 0 && getpid() < 10;
  std::signal(SIGWINCH, SIG_IGN);
  return kill(0, sandboxed ? SIGWINCH : 0) == 0;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool escaped = signalled_group();
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
