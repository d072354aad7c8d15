// Tries to build a sandbox of its own to get capabilities back: unshare() a
// new user and mount namespace (root inside it), then chroot() and mount.
// None of these is in the filter: the first call must end the program with
// SIGSYS. If any ever succeeds, the file answers correctly, so an escape is
// "accepted".
// expect: runtime_error sample
#include "exercise.h"
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  bool escaped = unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0;
  escaped = chroot("/tmp") == 0 || escaped;
  escaped = mount("none", "/tmp", "tmpfs", 0, nullptr) == 0 || escaped;
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
