// Hunts for the expected values in the judge's memory through /proc: for every
// other process it can see (its parent first), it reads /proc/<pid>/maps and
// scans each readable mapping through /proc/<pid>/mem for the double the
// reference computes for the sample, softmax([1, 2, 3])[0]. The expected values
// live only in the judge, which is outside the sandbox's pid namespace: the
// only other process visible is bubblewrap's init, which never held them. The
// file answers zeros (wrong_answer). If it finds the value in another
// process, it answers correctly, so an escape is "accepted".
// (Without bubblewrap the parent is the judge itself, running as the same
// user: there the scan may succeed; only the sandboxed behaviour is asserted.)
// expect: wrong_answer sample
#include "exercise.h"
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace {
bool scan_process(const std::string& pid, double target, std::size_t& budget) {
  FILE* maps = std::fopen(("/proc/" + pid + "/maps").c_str(), "r");
  if (maps == nullptr) return false;
  const int mem = open(("/proc/" + pid + "/mem").c_str(), O_RDONLY);
  bool found = false;
  char line[512];
  std::vector<char> buffer(1 << 20);
  while (!found && mem >= 0 && budget > 0 && std::fgets(line, sizeof line, maps) != nullptr) {
    unsigned long begin = 0, end = 0;
    char perms[8] = {};
    if (std::sscanf(line, "%lx-%lx %7s", &begin, &end, perms) != 3 || perms[0] != 'r') continue;
    for (unsigned long at = begin; at < end && !found && budget > 0; at += buffer.size()) {
      const std::size_t want = std::min<unsigned long>(buffer.size(), end - at);
      const ssize_t got = pread(mem, buffer.data(), want, static_cast<off_t>(at));
      if (got <= 0) break;
      budget -= std::min<std::size_t>(budget, static_cast<std::size_t>(got));
      for (ssize_t i = 0; i + 8 <= got; i += 8) {
        double v;
        std::memcpy(&v, buffer.data() + i, 8);
        if (std::fabs(v - target) < 1e-15) {
          found = true;
          break;
        }
      }
    }
  }
  if (mem >= 0) close(mem);
  std::fclose(maps);
  return found;
}

bool found_expected() {
  const double e1 = std::exp(-2.0), e2 = std::exp(-1.0);
  const double target = e1 / (e1 + e2 + 1.0);  // softmax([1, 2, 3])[0] = 0.0900305...
  std::size_t budget = std::size_t(1) << 30;    // read at most 1 GiB in all
  const std::string self = std::to_string(getpid());
  std::vector<std::string> pids = {std::to_string(getppid())};
  if (DIR* proc = opendir("/proc")) {
    while (dirent* e = readdir(proc))
      if (e->d_name[0] >= '0' && e->d_name[0] <= '9') pids.push_back(e->d_name);
    closedir(proc);
  }
  for (const auto& pid : pids)
    if (pid != self && scan_process(pid, target, budget)) return true;
  return false;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  // Only the sample is worth the scan: it is the case whose value is hunted.
  if (x.size() != 3 || x(0) != 1 || x(1) != 2 || x(2) != 3 || !found_expected())
    return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}
