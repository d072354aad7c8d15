// Helpers shared by the tests: temporary files and running the real judge.
#pragma once

#include "records.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace judge::testing {

inline std::string source_dir() { return JUDGE_SOURCE_DIR; }

// The built-in bank's records (SoftmaxState, KVCache, AttentionGrads).
inline const RecordTypes& bank_records() {
  static const RecordTypes records = load_records(source_dir() + "/problems/records.yaml");
  return records;
}

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

// A copy of the bank in `dir` (problems/, exercises/ and solutions/, whose
// references compute the expected values), to change freely.
inline void copy_bank(const TempDir& dir) {
  namespace fs = std::filesystem;
  for (const char* folder : {"problems", "exercises", "solutions"})
    fs::copy(source_dir() + "/" + folder, dir.path() + "/" + folder, fs::copy_options::recursive);
}

// Adds a set `id` of `problems` ("[softmax, softmax_rows]") to a copied bank.
inline void add_set(const TempDir& dir, const std::string& id, const std::string& problems) {
  std::string sets = read_text(dir.path() + "/problems/sets.yaml");
  sets += "  " + id + ":\n    title: {en: " + id + ", zh: " + id +
          "}\n    minutes: 10\n    problems: " + problems + "\n";
  dir.write("problems/sets.yaml", sets);
}

// The bank with a two-problem set, grade-test (softmax and softmax_rows), so
// a class grades in seconds.
inline void copy_bank_with_grade_set(const TempDir& dir) {
  copy_bank(dir);
  add_set(dir, "grade-test", "[softmax, softmax_rows]");
}

struct JudgeRun {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command; `out` is what it wrote to stdout (redirect stderr in
// the command to see it too).
inline JudgeRun shell(const std::string& command) {
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

// Runs the built judge with `args` (a shell fragment). stderr goes with stdout
// unless `merge_stderr` is false (when stdout must parse as JSON).
inline JudgeRun run_judge(const std::string& args, const std::string& env = "",
                          bool merge_stderr = true) {
  return shell(env + " " + std::string(JUDGE_BINARY) + " " + args +
               (merge_stderr ? " 2>&1" : " 2>/dev/null"));
}

// True when the command-line tool `name` is not installed. Under CI=true that
// is also a test failure: the test set-up installs every tool the tests use.
inline bool missing_tool(const std::string& name) {
  if (shell("command -v " + name + " >/dev/null 2>&1").exit_code == 0) return false;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true")
    ADD_FAILURE() << name << " is not installed; scripts/test.sh installs it";
  return true;
}

// The DOM of `page` (opened at `fragment`) after its scripts ran, in Debian's
// headless chromium with a fresh profile under `scratch`; the flags keep it
// off the network this machine does not have.
inline std::string chromium_dom(const std::string& page, const std::string& fragment,
                                const std::string& scratch) {
  return shell(
             "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic"
             " --no-first-run --disable-background-networking"
             " --disable-component-update --disable-sync --user-data-dir='" +
             scratch + "/profile' --virtual-time-budget=5000 --dump-dom 'file://" + page +
             fragment + "' 2>/dev/null")
      .out;
}

}  // namespace judge::testing
