// Looks for scratch space beyond the private 64 MiB /tmp: it writes 6 unnamed
// (O_TMPFILE) files of 15 MiB (under the 16 MiB file-size limit) into /,
// /run, /dev and /dev/shm, and keeps them open. Every tmpfs the sandbox makes
// holds its files in RAM, outside the 1 GiB address-space limit; a program
// that kept filling them across all its cases could exhaust the machine's
// memory. Only 90 MiB are tried here, once, and they vanish with the process.
// If more than 64 MiB land outside /tmp, the file answers correctly, so the
// hole shows up as "accepted".
// This once found room: the sandbox's root, /run and /dev were writable
// in-memory file systems with no size limit. Now / and /dev are remounted
// read-only and /tmp is the only scratch space.
// expect: wrong_answer sample
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace {
bool stored_beyond_tmp() {
  const std::size_t chunk = std::size_t(15) << 20;
  const std::vector<char> data(1 << 20, 'x');
  std::size_t stored = 0;
  std::vector<int> open_files;
  for (const char* dir : {"/", "/run", "/dev/shm", "/dev", "/", "/run", "/dev/shm", "/dev"}) {
    if (stored >= std::size_t(90) << 20) break;
    const int fd = open(dir, O_TMPFILE | O_RDWR, 0600);
    if (fd < 0) continue;
    open_files.push_back(fd);
    for (std::size_t done = 0; done < chunk; done += data.size()) {
      if (write(fd, data.data(), data.size()) != static_cast<ssize_t>(data.size())) break;
      stored += data.size();
    }
  }
  for (const int fd : open_files) close(fd);
  return stored > (std::size_t(64) << 20);
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool hole = stored_beyond_tmp();
  if (!hole || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
