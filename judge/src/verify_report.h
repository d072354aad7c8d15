// judge verify's report, for a person (a line per failure, then the
// figures) or as JSON. Rendering only: verify.h decides.
#pragma once

#include "verify.h"

#include <nlohmann/json.hpp>

#include <string>

namespace judge {

// Paths under `root` are shown relative to the current folder: `shown` is
// what replaces "root/" ("" when the current folder is the root).
struct ShownPaths {
  std::string root;
  std::string shown;
  std::string operator()(std::string text) const;
};

// A problem's failures, one line each, then its figures:
//   softmax: ok — 3 correct, 4 wrong; tolerance margin: correct ≤ 0.31
//   (float_loops, stability/large_positive), wrong ≥ 12.5 (shift_by_first, basic/mixed)
//     performance: time ≤ 0.42 of the limit, memory ≤ 0.30 of the allowance (eigen, ...)
std::string render_verify_problem(const ProblemReport& problem, const ShownPaths& paths);
// The bank's own failures and notes (exercise.h), before the problems.
std::string render_verify_bank(const VerifyReport& report, const ShownPaths& paths);
// The last line: how many problems hold.
std::string render_verify_summary(const VerifyReport& report);

// Ratios are numbers, or "inf" (JSON has no infinity); a figure that was
// never measured is null.
nlohmann::json render_verify_json(const VerifyReport& report);

}  // namespace judge
