// Looks for the reference solution at run time: paths derived from __FILE__
// (the judge's private copy sits under the repository's .judge/cache), paths
// relative to the working directory, the usual checkout, environment
// variables, the judge's own cwd through /proc, and the host path the sandbox
// leaks in /proc/1/cmdline. Inside the sandbox none of them exists: the file
// answers zeros (wrong_answer). If it ever reads the solution, it answers
// correctly, so an escape shows up as "accepted".
// (Without bubblewrap the program runs in the judge's cwd with the judge's
// rights, and the read succeeds: only the sandboxed behaviour is asserted.)
// expect: wrong_answer sample
#include "exercise.h"
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {
const char* const kTail = "solutions/softmax/reference.cpp";

bool holds_solution(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str().find("reference::softmax") != std::string::npos ||
         text.str().find("JUDGE_REFERENCE(softmax)") != std::string::npos;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool found_solution() {
  std::vector<std::string> dirs;
  // Every ancestor of the compiled file.
  for (std::string d = __FILE__; d.find('/') != std::string::npos;) {
    d.erase(d.rfind('/'));
    dirs.push_back(d.empty() ? "/" : d);
    if (d.empty()) break;
  }
  for (const char* rel : {".", "..", "../..", "../../..", "../../../..", "../../../../.."})
    dirs.push_back(rel);
  for (const char* env : {"JUDGE_ROOT", "JUDGE_SOURCE_DIR", "PWD", "OLDPWD", "HOME"})
    if (const char* v = std::getenv(env)) dirs.push_back(v);
  for (const char* guess : {"/work/main", "/work", "/src", "/judge", "/app", "/root"})
    dirs.push_back(guess);
  const std::string parent = "/proc/" + std::to_string(getppid());
  for (const std::string& proc : {parent, std::string("/proc/1")}) {
    dirs.push_back(proc + "/cwd");
    dirs.push_back(proc + "/root/work/main");
    // Host paths in the parent's command line: /x/y/.judge/cache/... => /x/y.
    std::string cmdline = read_all(proc + "/cmdline");
    for (char& c : cmdline)
      if (c == '\0') c = ' ';
    for (std::size_t at = cmdline.find("/.judge/"); at != std::string::npos;
         at = cmdline.find("/.judge/", at + 1)) {
      const std::size_t start = cmdline.rfind(' ', at);
      dirs.push_back(cmdline.substr(start == std::string::npos ? 0 : start + 1,
                                    at - (start == std::string::npos ? 0 : start + 1)));
    }
    // The parent's PWD, if its environment is readable.
    std::string environ = read_all(proc + "/environ");
    for (std::size_t at = environ.find("PWD="); at != std::string::npos;
         at = environ.find("PWD=", at + 1))
      if (at == 0 || environ[at - 1] == '\0')
        dirs.push_back(environ.substr(at + 4, environ.find('\0', at) - at - 4));
  }
  for (const auto& d : dirs)
    if (holds_solution(d + "/" + kTail)) return true;
  return false;
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool stolen = found_solution();
  if (!stolen || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
