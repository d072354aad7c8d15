// Tries to open kernel settings under /proc/sys for writing: core_pattern
// (a "|/path" pattern there makes the kernel run that path as host root at the
// next crash), modprobe, and a few others, directly and through
// /proc/self/root/proc/sys and /proc/1/root/proc/sys. When the judge runs as
// root, the sandbox's uid 0 is the host's uid 0: bubblewrap's /proc left
// /proc/sys writable, so these opens succeeded. The run sandbox must have no
// /proc at all, its filter refuses every open for writing (EACCES), and the
// program runs as an unprivileged uid: every attempt must fail and the file
// answers zeros (wrong_answer). If one succeeds it answers correctly, so an
// escape shows up as "accepted".
// Safety: nothing is ever written except to core_pattern, and only the value
// it already holds (read just before), which proves write access and changes
// nothing. The other files are opened and closed without a write.
// expect: wrong_answer sample
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>
#include <string>

namespace {
std::string read_small(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY);
  if (fd < 0) return "";
  char buffer[512];
  const ssize_t n = read(fd, buffer, sizeof buffer);
  close(fd);
  return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
}

bool opened_for_writing() {
  bool escaped = false;
  for (const char* root : {"", "/proc/self/root", "/proc/1/root"}) {
    const std::string core = std::string(root) + "/proc/sys/kernel/core_pattern";
    const std::string current = read_small(core);
    const int fd = open(core.c_str(), O_WRONLY);
    if (fd >= 0) {
      escaped = true;
      // The same value back: write access proven, nothing changed.
      if (!current.empty()) (void)!write(fd, current.data(), current.size());
      close(fd);
    }
    for (const char* other : {"/proc/sys/kernel/modprobe", "/proc/sys/kernel/panic",
                              "/proc/sys/vm/drop_caches", "/proc/sys/fs/file-max",
                              "/proc/sys/kernel/hostname"}) {
      const int o = open((std::string(root) + other).c_str(), O_WRONLY);
      if (o >= 0) {
        escaped = true;
        close(o);
      }
    }
  }
  return escaped;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool escaped = opened_for_writing();
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
