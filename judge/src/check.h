// One check, end to end: cases -> expected values -> build -> run -> compare.
#pragma once

#include "bank.h"
#include "build.h"
#include "expected.h"
#include "sandbox.h"
#include "verdict.h"
#include "workspace.h"

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
};

// Never throws for the learner's faults; bank inconsistencies come back as
// judge_error so they are never charged to the learner.
// Where a build for this workspace finds the harness, exercise.h and the
// cache, and how it is sandboxed.
BuildPaths build_paths(const Workspace& ws, const SandboxConfig& sandbox);

// Changes to the judge itself (references, comparison) must invalidate cached
// results: this names the judge's build (its executable's size and time).
std::string judge_identity();

// Names everything a check's result depends on: the learner's sources, the
// problem file, the judge's build and the options that change verdicts. The
// results cache and the grading journal are both keyed by it.
std::string check_key(const Builder& builder, const Problem& problem, const LearnerSources& sources,
                      const CheckOptions& options);

// Tasks (the program's threads, and the jail's waiting parent) a run may have.
constexpr int kRunProcesses = 32;

// The result for files the judge would not read: `refusal` names the file.
CheckResult refused_result(const Problem& problem, const std::string& file,
                           const std::string& refusal);

// Checks exactly `sources`: what was read is what is keyed and compiled.
CheckResult check_sources(const Workspace& ws, const Problem& problem,
                          const LearnerSources& sources, const CheckOptions& options);

// Reads `file` (and the headers beside it) once, then checks it; a file
// that is a link, not a regular file or too large comes back refused.
CheckResult check_problem(const Workspace& ws, const Problem& problem, const std::string& file,
                          const CheckOptions& options);

}  // namespace judge
