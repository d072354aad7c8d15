// Where things are: the problem bank, the exercises, the cache and the
// learner's state (last results, hints shown), all under one root.
#pragma once

#include <map>
#include <string>

namespace judge {

struct Workspace {
  std::string root;
  std::string problems_dir() const { return root + "/problems"; }
  std::string exercises_dir() const { return root + "/exercises"; }
  std::string state_dir() const { return root + "/.judge"; }
  // JUDGE_CACHE_DIR moves the build cache (shared by several workspaces, say).
  std::string cache_dir() const;
  std::string exercise_file(const std::string& id) const {
    return exercises_dir() + "/" + id + ".cpp";
  }
  std::string harness_dir() const;

  // JUDGE_ROOT, else the nearest directory above cwd with problems/tracks.yaml,
  // else the source tree the judge was built from.
  static Workspace locate();
};

// What the learner did last, per problem; saved atomically.
struct ProblemState {
  std::string status;  // "passed", "failed", "not_implemented", "compile_error", ""
  int passed = 0;
  int total = 0;
  int hints_shown = 0;
};

class State {
 public:
  explicit State(std::string path) : path_(std::move(path)) {}
  void load();
  void save() const;
  ProblemState& at(const std::string& id) { return problems_[id]; }
  const ProblemState* find(const std::string& id) const;

 private:
  std::string path_;
  std::map<std::string, ProblemState> problems_;
};

}  // namespace judge
