// Opens the memory of the sandbox's other processes read-write:
// /proc/<ppid>/mem (judge-jail's parent half, which runs outside the filter
// and writes the program's exit status to the judge) and /proc/1/mem
// (bubblewrap's init), plus /proc/2/mem. Both run as the same uid with no
// filter; writing code into either would run it unfiltered, with the jail's
// status pipe at hand. The run sandbox must have no /proc, the filter refuses
// opens for writing and the jail's parent is not dumpable: every open must
// fail and the file answers zeros (wrong_answer). If one succeeds it answers
// correctly, so an escape shows up as "accepted".
// Safety: a descriptor that opens is closed at once; nothing is read or
// written through it.
// expect: wrong_answer sample
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>
#include <string>

namespace {
bool opened_foreign_memory() {
  bool escaped = false;
  for (const std::string pid : {std::to_string(getppid()), std::string("1"), std::string("2")}) {
    if (pid == std::to_string(getpid())) continue;
    const int fd = open(("/proc/" + pid + "/mem").c_str(), O_RDWR);
    if (fd >= 0) {
      escaped = true;
      close(fd);
    }
  }
  return escaped;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool escaped = opened_foreign_memory();
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
