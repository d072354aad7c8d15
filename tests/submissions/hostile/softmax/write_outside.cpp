// Tries to write outside the sandbox: the repository (found from __FILE__ and
// from the host path leaked in /proc/1/cmdline), the judge's result cache,
// the judge's cwd and its parent, /root, $HOME, /var/tmp, /usr/lib. Only the
// private /tmp (and the sandbox's own throw-away tmpfs) may take writes; every
// attempt here must fail, and the file answers zeros (wrong_answer). If one
// succeeds it answers correctly, so an escape shows up as "accepted".
// Files are opened with O_TMPFILE: an unnamed file that vanishes on close, so
// even a successful write leaves nothing behind (and the program can neither
// unlink nor link: both are outside the system-call filter).
// expect: wrong_answer sample
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {
std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool can_write(const std::string& dir) {
  const int fd = open(dir.c_str(), O_TMPFILE | O_WRONLY, 0600);
  if (fd < 0) return false;
  const bool wrote = write(fd, "escaped\n", 8) == 8;
  close(fd);
  return wrote;
}

bool wrote_outside() {
  std::vector<std::string> dirs;
  std::string repo = __FILE__;
  if (repo.find("/.judge/") != std::string::npos) repo.erase(repo.find("/.judge/"));
  dirs.push_back(repo);
  dirs.push_back(repo + "/.judge/cache/results");
  dirs.push_back(repo + "/solutions");
  std::string cmdline = read_all("/proc/1/cmdline");
  for (char& c : cmdline)
    if (c == '\0') c = ' ';
  for (std::size_t at = cmdline.find("/.judge/"); at != std::string::npos;
       at = cmdline.find("/.judge/", at + 1)) {
    const std::size_t start = cmdline.rfind(' ', at) + 1;
    dirs.push_back(cmdline.substr(start, at - start));
    dirs.push_back(cmdline.substr(start, at - start) + "/.judge/cache/results");
  }
  for (const char* d : {"/work/main", "/work/main/.judge/cache/results", "/work", "/root",
                        "/var/tmp", "/usr/lib", "/home", "/etc"})
    dirs.push_back(d);
  // $HOME, unless it is the private /tmp (inside the sandbox HOME=/tmp).
  if (const char* home = std::getenv("HOME"); home && std::string(home).rfind("/tmp", 0) != 0)
    dirs.push_back(home);
  // The cwd and its parent, unless that is the sandbox's own /tmp or root.
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd) != nullptr && std::string(cwd) != "/tmp" &&
      std::string(cwd) != "/") {
    dirs.push_back(cwd);
    dirs.push_back(std::string(cwd) + "/..");
  }
  for (const auto& d : dirs)
    if (!d.empty() && can_write(d)) return true;
  return false;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool escaped = wrote_outside();
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
