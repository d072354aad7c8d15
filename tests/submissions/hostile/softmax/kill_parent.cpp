// Tries to kill its parent and then every process it may signal
// (kill(getppid(), SIGKILL), kill(-1, SIGKILL)). The filter allows kill() only
// to the program itself or its own process group: the first attempt must end
// it with SIGSYS. Should a signal ever get through, the file answers
// correctly, so an escape is "accepted".
// Safety: the lethal signals are sent only inside the bubblewrap sandbox (host
// name "judge", its own pid namespace, where they could reach nothing but the
// sandbox). Anywhere else the file probes with signal 0, which the filter
// treats the same way (it looks at the pid, not the signal) and which would
// harm nothing even if it got through.
// expect: runtime_error sample
#include "exercise.h"
#include <csignal>
#include <cstring>
#include <sys/utsname.h>
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  utsname u{};
  const bool sandboxed = uname(&u) == 0 && std::strcmp(u.nodename, "judge") == 0 && getpid() < 10;
  const int sig = sandboxed ? SIGKILL : 0;
  bool escaped = kill(getppid(), sig) == 0;
  if (!escaped && sandboxed) escaped = kill(-1, SIGKILL) == 0;
  if (!escaped) escaped = kill(1, 0) == 0;
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
