// Naming the mistake: when a learner's check fails, the problem's known-wrong
// solutions (solutions/ID/wrong/, built and cached like any program, run in
// the same sandbox) run on the same cases (the measured ones aside). One
// names the mistake when its outputs match the learner's within the
// problem's tolerance on every wrongly answered case or, failing that, when
// it fails exactly the cases the learner fails. The first kind of match
// beats the second; among equals the closest values win; where none
// matches, nothing is claimed.
#pragma once

#include "build.h"
#include "cases.h"
#include "expected.h"
#include "known_solutions.h"
#include "program_runner.h"
#include "verdict.h"

#include <optional>
#include <string>
#include <vector>

namespace judge {

struct DiagnosisInputs {
  const Problem* problem = nullptr;
  const std::vector<TestCase>* cases = nullptr;
  const std::vector<CaseRun>* learner_runs = nullptr;  // in cases' order
  const std::vector<TestResult>* results = nullptr;    // in cases' order
  const std::vector<Expected>* expected = nullptr;     // the reference's, in cases' order
  std::string expected_key;          // names the cases and the reference (expected_key())
  std::vector<KnownSolution> known;  // the problem's (wrong ones are used)
  RunnerOptions run_options;
  double case_seconds = 2.0;
};

// The known solutions' answers are kept in `answers` beside the expected
// values: only the first learner to need them pays for building and running.
std::optional<Diagnosis> diagnose(const DiagnosisInputs& in, ProgramBuilder& builder,
                                  ProgramRunner& runner, ExpectedCache& answers);

// The wrong solutions' names and texts, for the result's cache key: an
// edited explanation or a new known mistake changes what a check says.
std::string known_mistakes_fingerprint(const std::vector<KnownSolution>& known);

}  // namespace judge
