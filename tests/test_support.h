// Helpers shared by the tests: temporary files and running the real judge.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace judge::testing {

inline std::string source_dir() { return JUDGE_SOURCE_DIR; }

class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "judge-test-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string write(const std::string& name, const std::string& content) const {
    const auto p = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::string path_;
};

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct JudgeRun {
  int exit_code = -1;
  std::string out;
};

// Runs the built judge with `args` (a shell fragment). stderr goes with stdout
// unless `merge_stderr` is false (when stdout must parse as JSON).
inline JudgeRun run_judge(const std::string& args, const std::string& env = "",
                          bool merge_stderr = true) {
  const std::string command = env + " " + std::string(JUDGE_BINARY) + " " + args +
                              (merge_stderr ? " 2>&1" : " 2>/dev/null");
  JudgeRun r;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Debian's chromium, headless; empty when it is not installed.
inline std::string find_chromium() {
  if (std::filesystem::exists("/usr/bin/chromium")) return "/usr/bin/chromium";
  FILE* pipe = popen("command -v chromium 2>/dev/null", "r");
  if (pipe == nullptr) return "";
  std::array<char, 512> buffer{};
  std::string path;
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) path += buffer.data();
  pclose(pipe);
  while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
  return path;
}

// The DOM of `page` (opened at `fragment`) after its scripts ran, in a
// headless chromium with a fresh profile under `scratch`; the flags keep it
// off the network this machine does not have.
inline std::string chromium_dom(const std::string& chromium, const std::string& page,
                                const std::string& fragment, const std::string& scratch) {
  const std::string command = "timeout 120 '" + chromium +
                              "' --headless --no-sandbox --disable-gpu --disable-quic"
                              " --no-first-run --disable-background-networking"
                              " --disable-component-update --disable-sync --user-data-dir='" +
                              scratch + "/profile' --virtual-time-budget=5000 --dump-dom 'file://" +
                              page + fragment + "' 2>/dev/null";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

}  // namespace judge::testing
