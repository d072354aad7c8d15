// Where things are: the problem bank, the exercises, the cache and the
// learner's state (last results, hints shown), all under one root.
#pragma once

#include "verdict.h"

#include <map>
#include <string>

namespace judge {

// Two roots: where the learner works (exercises, state) and where the bank is
// (problems, solutions, the stubs). They are the same in the judge's own
// tree; a workshop workspace made by `judge init` holds only the learner's
// side and uses the bank of the judge that runs in it (judge_data.h): it
// names no path outside itself, so it can be moved, zipped and mailed.
struct Workspace {
  std::string root;
  std::string bank_root;
  std::string set;        // a workshop workspace's set: what list and check --all cover
  bool workshop = false;  // made by `judge init` (it has the marker, not a bank)
  std::string problems_dir() const { return bank_root + "/problems"; }
  std::string exercises_dir() const { return root + "/exercises"; }
  // The learner's own: state.json and the backups `judge reset` keeps.
  std::string state_dir() const { return root + "/.judge"; }
  // Built programs, the precompiled header and cached results, per user:
  // JUDGE_CACHE_DIR, else $XDG_CACHE_HOME/judge, else ~/.cache/judge (only
  // without a home, .judge/cache). Every entry is named by a key of its
  // whole content (keys.h), so workspaces share it safely.
  std::string cache_dir() const;
  std::string exercise_file(const std::string& id) const {
    return exercises_dir() + "/" + id + ".cpp";
  }
  std::string harness_dir() const;
  // The bank's references and known solutions: solutions/ID/.
  std::string solutions_dir() const { return bank_root + "/solutions"; }

  // JUDGE_ROOT, else the nearest directory above cwd with problems/tracks.yaml
  // or a workshop marker (judge-workspace.json), so a workspace inside a
  // checkout is found before the checkout; else the judge's own bank.
  static Workspace locate();
  static Workspace at(const std::string& dir);

  // Points the workspace at another bank: `dir` holds problems/tracks.yaml,
  // solutions/ and exercises/ (an instructor's private or exam problems).
  // Throws std::invalid_argument with a sentence when it is not a bank.
  void use_bank(const std::string& dir);
  // The bank named by --bank (when given), else JUDGE_BANK, else the one
  // locate() found (the workspace file's, the tree's, the built-in one).
  void choose_bank(const std::string& from_option);
};

constexpr const char* kWorkspaceMarker = "judge-workspace.json";

// What the learner did last, and the best they ever did, per problem; saved
// atomically (a killed judge leaves the previous file whole).
struct ProblemState {
  std::string status;  // last check: "passed", "failed", "not_implemented", "compile_error", ""
  int passed = 0;      // last check
  int total = 0;
  int best_passed = 0;  // the most tests any check passed
  bool solved = false;  // some check passed every test
  int hints_shown = 0;
};

class State {
 public:
  explicit State(std::string path) : path_(std::move(path)) {}
  void load();
  void save() const;
  ProblemState& at(const std::string& id) { return problems_[id]; }
  // Records a check of the learner's own exercise file.
  void record(const CheckResult& result);
  const ProblemState* find(const std::string& id) const;
  // The learner's own order of quiz choices (quiz_order.h); "" until the
  // first quiz draws one.
  std::string& quiz_seed() { return quiz_seed_; }

 private:
  std::string path_;
  std::map<std::string, ProblemState> problems_;
  std::string quiz_seed_;
};

// The workspace's state file (.judge/state.json), loaded.
State load_state(const Workspace& ws);

}  // namespace judge
