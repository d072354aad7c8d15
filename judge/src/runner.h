// Runs a check's cases in the learner's program, one request at a time. A
// crash, a hang or a flood ends only the case it happened in: the program is
// started again for the next case, so earlier and later results survive.
//
// Time and memory are never taken from the program itself. A measured case
// (a performance group's) runs in fresh processes that end after answering,
// and judge-jail reports what the kernel counted for each (CPU time of all
// threads, peak resident memory). Next to each run, a trusted baseline
// program (the same harness, with the problem's untouched stub) reads the
// same inputs, so the figures can be told apart from what reading and
// answering cost.
#pragma once

#include "outcome.h"
#include "process.h"
#include "script.h"

#include <cstdint>
#include <string>
#include <vector>

namespace judge {

struct CaseRequest {
  const std::vector<Step>* steps = nullptr;
  double wall_seconds = 2.0;  // the most this case may take
  // A reply frame announcing more is refused unread (output_limit).
  std::uint64_t max_reply_bytes = 1u << 20;
  bool measured = false;  // fresh processes, figures from judge-jail
  int runs = 1;           // measured runs; the one with the least CPU time counts
  // Measured and timed cases only (0 otherwise). The repetitions are there to
  // see past noise, so they end as soon as the verdict cannot change: a run
  // whose CPU time, less the baseline's, is within `enough_cpu_seconds`
  // passes whatever comes after, and one beyond `hopeless_cpu_seconds` fails
  // whatever comes after. A run still going after `run_wall_seconds` of wall
  // time is stopped (a program that slow is over its limit).
  double enough_cpu_seconds = 0;
  double hopeless_cpu_seconds = 0;
  double run_wall_seconds = 0;
  std::size_t group = 0;  // index into RunnerOptions::group_budgets
};

struct CaseRun {
  enum class Status {
    kAnswered,
    kCrashed,
    kTimeout,
    kOutputLimit,
    kOversizedReply,
    kProtocolError,
    kLingered,   // answered, but did not end when its input closed (measured runs)
    kNotRun,     // earlier cases ran out of time or memory
    kOverBudget  // its group had used up its wall-clock budget
  };
  Status status = Status::kNotRun;
  std::vector<StepOutcome> outcomes;  // measured: those of the run that counted
  bool budget_limited = false;        // a kTimeout set by the group's budget
  double wall_seconds = 0;            // taken by the judge
  Usage usage;                        // measured: least CPU, largest peak over runs
  Usage baseline;                     // measured: the baseline's least CPU and peak
  int measured_runs = 0;              // measured: the learner's runs made (at most `runs`)
  std::uint64_t announced_bytes = 0;  // kOversizedReply: what the frame claimed
  Exit exit;                          // for kCrashed / kTimeout / kOutputLimit
  // What the program printed while on this case (measured: in the run that
  // counted, or the one that failed). A crash's message is here, under the
  // case that crashed.
  std::string output;
};

struct RunnerOptions {
  Limits limits;         // per process; wall_seconds is replaced per case
  int max_timeouts = 2;  // timeouts and out-of-memory answers before the rest is skipped
  // Wall-clock seconds each group's cases may take together (restarts
  // included); a group without an entry has no budget beyond its cases'.
  std::vector<double> group_budgets;
};

// `command` starts the learner's program (inside its jail); `baseline`
// starts the trusted baseline program, or is empty (then measured cases get
// no baseline figures).
std::vector<CaseRun> run_cases(const std::vector<std::string>& command,
                               const std::vector<std::string>& baseline,
                               const std::vector<CaseRequest>& cases, const RunnerOptions& options,
                               std::string& program_output);

}  // namespace judge
