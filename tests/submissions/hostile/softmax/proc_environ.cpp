// Reads the environment of the other processes it can see through /proc
// (/proc/<ppid>/environ, /proc/1/environ, every /proc/<pid>/environ). On a
// grading server the judge's environment may hold tokens or paths the learner
// should not see, and whatever the program reads it can print into the report
// the learner gets back. The program itself runs with a cleared environment
// (PATH, HOME, LANG, PWD); any other variable it finds belongs to the judge. If it
// finds one, it answers correctly, so a leak shows up as "accepted". The
// variables are only looked at, never printed.
// This once leaked: bubblewrap's init process (pid 1 in the sandbox) kept the
// judge's whole environment. The judge now starts every child with a fixed
// minimal one. /proc/1/cmdline still shows the bwrap command line (paths of
// the judge's cache), which holds no secrets.
// expect: wrong_answer sample
#include "exercise.h"
#include <dirent.h>
#include <unistd.h>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {
bool foreign_variable_in(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  const std::string env = text.str();
  // PWD is the sandbox's own working folder (/tmp), set by bubblewrap.
  static const std::set<std::string> ours = {"PATH", "HOME", "LANG", "PWD"};
  std::size_t start = 0;
  while (start < env.size()) {
    std::size_t end = env.find('\0', start);
    if (end == std::string::npos) end = env.size();
    const std::string entry = env.substr(start, end - start);
    const std::size_t eq = entry.find('=');
    if (eq != std::string::npos && eq > 0 && !ours.count(entry.substr(0, eq))) return true;
    start = end + 1;
  }
  return false;
}

bool leaked() {
  const std::string self = std::to_string(getpid());
  std::vector<std::string> pids = {std::to_string(getppid()), "1"};
  if (DIR* proc = opendir("/proc")) {
    while (dirent* e = readdir(proc))
      if (e->d_name[0] >= '0' && e->d_name[0] <= '9') pids.push_back(e->d_name);
    closedir(proc);
  }
  for (const auto& pid : pids)
    if (pid != self && foreign_variable_in("/proc/" + pid + "/environ")) return true;
  return false;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool leak = leaked();
  if (!leak || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
