// From what a case's run did (runner.h) to a verdict and a sentence: how a
// program that crashed, hung or flooded is told, and the time and memory
// limits of performance groups, judged on figures taken outside the program.
#pragma once

#include "expected.h"
#include "runner.h"
#include "verdict.h"

#include <cstdint>

namespace judge {

// A timing floor below which clocks and scheduling dominate: a limit this
// small would be noise, not a complexity class.
constexpr double kTimingFloorSeconds = 0.002;

// What the judge allows a measured call to add to the baseline's peak
// memory: `memory_factor` times the inputs (float32, as the program holds
// them), plus the harness's own copies of the result (it encodes each
// float as a double twice: a value, then the reply frame), plus a little
// for the learner's code and the allocator.
struct MemoryAllowance {
  std::int64_t inputs = 0;      // bytes of inputs, as float32
  std::int64_t for_inputs = 0;  // memory_factor x inputs
  std::int64_t for_result = 0;  // the harness's copies of the expected outputs
  std::int64_t slack = 0;
  std::int64_t total() const { return for_inputs + for_result + slack; }
};
MemoryAllowance memory_allowance(const CaseSpec& spec, const Expected& expected,
                                 double memory_factor);

// The largest reply a right answer could need: the expected outcomes as the
// program would encode them, with room for a wrong shape or a long message.
std::uint64_t max_reply_bytes(const Expected& expected);

// Sets the verdict and message of a case that got no answer.
void judge_failed_run(const CaseRun& run, double case_seconds, TestResult& t);

// After the values compared equal: the time and memory limits of a
// performance group (a no-op elsewhere).
void judge_measured_run(const TestCase& test, const Expected& expected, const CaseRun& run,
                        TestResult& t);

}  // namespace judge
