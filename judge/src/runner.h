// Runs a check's cases in the learner's program, one request at a time. A
// crash, a hang or a flood ends only the case it happened in: the program is
// started again for the next case, so earlier and later results survive.
#pragma once

#include "execute.h"
#include "process.h"

#include <string>
#include <vector>

namespace judge {

struct CaseRequest {
  const std::vector<Step>* steps = nullptr;
  double wall_seconds = 2.0;    // how long the judge waits for this case
  std::uint32_t repeat = 1;     // > 1 for timing: the fastest run counts
  bool measure_memory = false;  // runs in a fresh process of its own
};

struct CaseRun {
  enum class Status { kAnswered, kCrashed, kTimeout, kOutputLimit, kProtocolError, kNotRun };
  Status status = Status::kNotRun;
  std::vector<StepOutcome> outcomes;
  double seconds = 0;
  std::int64_t peak_bytes = 0;    // largest over the case's calls, when measured
  std::int64_t static_bytes = 0;  // resident memory the program's static initialisers took
  Exit exit;                      // for kCrashed / kTimeout / kOutputLimit
};

struct RunnerOptions {
  Limits limits;         // per process; wall_seconds is replaced per case
  int max_timeouts = 2;  // timeouts and out-of-memory answers before the rest is skipped
};

// `command` starts the learner's program (inside its jail).
std::vector<CaseRun> run_cases(const std::vector<std::string>& command,
                               const std::vector<CaseRequest>& cases, const RunnerOptions& options,
                               std::string& program_output);

}  // namespace judge
