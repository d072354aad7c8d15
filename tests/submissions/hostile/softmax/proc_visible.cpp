// Reads /proc in the run step: /proc/1/cmdline (bubblewrap's command line,
// with the judge's host paths), /proc/self/status, /proc/self/mountinfo (the
// host paths of every bind mount). The run step needs none of it once memory
// is measured from outside, and /proc is also the door to every other attack
// on the sandbox's processes (mem, fd, sys, clear_refs). The run sandbox must
// have no /proc: every open fails with ENOENT and the file answers zeros
// (wrong_answer). If one succeeds it answers correctly, so a visible /proc
// shows up as "accepted". Nothing read is printed.
// expect: wrong_answer sample
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>

namespace {
bool proc_visible() {
  for (const char* path : {"/proc/1/cmdline", "/proc/self/status", "/proc/self/mountinfo",
                           "/proc/self/stat", "/proc/version"}) {
    const int fd = open(path, O_RDONLY);
    if (fd < 0) continue;
    char buffer[64];
    const bool read_something = read(fd, buffer, sizeof buffer) > 0;
    close(fd);
    if (read_something) return true;
  }
  return false;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool visible = proc_visible();
  if (!visible || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
