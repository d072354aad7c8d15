// One check, end to end: cases -> expected values -> build -> sandboxed run
// -> compare -> verdict. run_check() does it through seams (CheckEnv), so its
// planning, budgets, verdicts and caching are tested with fakes; the
// functions below it wire the real builder, runner and caches.
#pragma once

#include "bank.h"
#include "build.h"
#include "case_verdict.h"
#include "expected.h"
#include "program_runner.h"
#include "sandbox.h"
#include "verdict.h"
#include "workspace.h"

#include <optional>
#include <string>

namespace judge {

struct CheckOptions {
  std::string only_case;      // "group/name": run just that case
  double case_seconds = 2.0;  // wall-clock per ordinary case
  bool use_cache = true;
  BuildLimits build_limits;
  Limits run_limits{2, 20, 1ull << 30, 16ull << 20, 1ull << 20};
  SandboxConfig sandbox = SandboxConfig::detect();
  ExpectedCache* expected_cache = nullptr;  // shared across a grading run's checks
  // Wrong answers are matched against the problem's known mistakes
  // (diagnosis.h) found here: check_sources sets the workspace's solutions/
  // unless `diagnose` is off (judge verify runs those files themselves).
  bool diagnose = true;
  std::string known_mistakes_dir;
};

// Where checks keep whole results by key; tests keep them in memory.
class ResultCache {
 public:
  virtual ~ResultCache() = default;
  virtual std::optional<CheckResult> load(const std::string& key) = 0;
  virtual void save(const std::string& key, const CheckResult& result) = 0;
};

class DiskResultCache final : public ResultCache {
 public:
  explicit DiskResultCache(std::string dir) : dir_(std::move(dir)) {}
  std::optional<CheckResult> load(const std::string& key) override;
  void save(const std::string& key, const CheckResult& result) override;

 private:
  std::string dir_;
};

// Everything a check touches outside memory.
struct CheckEnv {
  ProgramBuilder& builder;
  ProgramRunner& runner;
  ExpectedCache& expected;
  ResultCache& results;
  std::string judge;  // names the judge's own build (judge_identity())
};

// Which cases, with which limits: a pure function of the problem, the
// cases, their expected values and the options.
struct Plan {
  std::vector<CaseRequest> requests;
  std::vector<double> group_budgets;
  bool measured = false;   // some case needs the baseline program
  double cpu_seconds = 0;  // added to the process's CPU limit for timed cases
};
Plan plan_check(const Problem& problem, const std::vector<TestCase>& cases,
                const std::vector<Expected>& expected, const CheckOptions& options);

// The cases a check runs: all, or the one named by `only_case` (nullopt if
// there is no such case).
std::optional<std::vector<TestCase>> select_cases(const Problem& problem,
                                                  const std::string& only_case);

// The key of a problem's expected values (for the case selection).
std::string expected_key_for(const ProgramBuilder& builder, const Problem& problem,
                             const std::string& only_case);

// Names everything a check's result depends on: the learner's sources, the
// toolchain, the problem and its reference, the judge's build and every
// option and limit that changes verdicts. The results cache and the grading
// journal are both keyed by it.
std::string check_key(const CheckEnv& env, const Problem& problem, const LearnerSources& sources,
                      const CheckOptions& options);

// The check itself, through `env`. Never throws for the learner's faults;
// bank inconsistencies come back as judge_error, never charged to the learner.
CheckResult run_check(CheckEnv& env, const Problem& problem, const LearnerSources& sources,
                      const CheckOptions& options);

// Where a build for this workspace finds the harness, the bank's records and
// solutions and the cache, and how it is sandboxed.
BuildPaths build_paths(const Workspace& ws, const SandboxConfig& sandbox);

// Changes to the judge itself (comparison, verdicts) must invalidate cached
// results: this names the judge's build (its executable's size and time).
std::string judge_identity();

// The result for files the judge would not read: `refusal` names the file.
CheckResult refused_result(const Problem& problem, const std::string& file,
                           const std::string& refusal);

// The real environment of a workspace: its builder, the sandboxed runner and
// the caches under its cache folder. Checks of one grading run share one.
class WorkspaceChecker {
 public:
  WorkspaceChecker(const Workspace& ws, const CheckOptions& options);
  CheckEnv& env() { return env_; }
  Builder& builder() { return builder_; }

 private:
  Builder builder_;
  SandboxRunner runner_;
  ExpectedCache own_expected_;
  DiskResultCache results_;
  CheckEnv env_;
};

// Checks exactly `sources`: what was read is what is keyed and compiled.
CheckResult check_sources(const Workspace& ws, const Problem& problem,
                          const LearnerSources& sources, const CheckOptions& options);

// Reads `file` (and the headers beside it) once, then checks it; a file
// that is a link, not a regular file or too large comes back refused.
CheckResult check_problem(const Workspace& ws, const Problem& problem, const std::string& file,
                          const CheckOptions& options);

}  // namespace judge
