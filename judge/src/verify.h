// judge verify: the problem author's check, in the spirit of Kattis's
// verifyproblem. For each problem: its texts are finished, its reference
// runs on every case, its worked example is what the reference computes,
// its stub is pristine and fails with not_implemented everywhere, and every
// known solution gets the verdict its expect lines promise, through the same
// check path as `judge check`. Then the figures: how much room the tolerance
// and the performance limits leave (verify_figures.h).
#pragma once

#include "bank.h"
#include "verify_figures.h"
#include "workspace.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace judge {

struct VerifyOptions {
  std::vector<std::string> ids;  // the problems to verify; empty: all, in track order
  int jobs = 1;                  // checks of one problem's files at a time
  bool write_header = false;     // rewrite exercises/exercise.h when it differs
  bool use_cache = true;         // reuse cached results of unchanged files
  // Two checks share each core: give cases and builds the room the test
  // suite gives them. Files that promise compile_error get the short
  // limit, as some are there to run into it.
  double case_seconds = 3;
  double compile_seconds = 60;
  double compile_error_seconds = 10;
};

struct ProblemReport {
  std::string id;
  std::vector<std::string> failures;  // one sentence each, file:line:column first when known
  int correct = 0;                    // known solutions by kind
  int wrong = 0;
  Figures figures;
  bool ok() const { return failures.empty(); }
};

struct VerifyReport {
  std::vector<std::string> failures;  // the bank's own: it does not load, exercise.h differs
  std::vector<std::string> notes;     // what verify did: "wrote .../exercise.h"
  std::vector<ProblemReport> problems;
  bool ok() const;
};

// The bank as verify reads it: strictly (unknown, missing or duplicated
// keys, problems missing from tracks.yaml). On a load error, nullopt, and
// `report` holds that one error.
std::optional<Bank> load_bank_for_verify(const Workspace& ws, VerifyReport& report);

// Verifies `options.ids` (every problem when empty; an unknown id throws
// std::invalid_argument). `on_problem` sees each problem's report as soon
// as it is complete. Throws std::runtime_error when the judge itself cannot
// build (the harness, the precompiled header).
VerifyReport verify_bank(const Bank& bank, const Workspace& ws, const VerifyOptions& options,
                         const std::function<void(const ProblemReport&)>& on_problem = {});

}  // namespace judge
