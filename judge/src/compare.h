// Compares what the learner's code produced with the expected outcome of one
// case: exceptions first, then shapes, then values against the tolerance.
#pragma once

#include "cases.h"
#include "outcome.h"
#include "verdict.h"

#include <vector>

namespace judge {

struct Expected;

// Fills verdict, kind, message, worst and step of `result`.
void compare_case(const Problem& problem, const TestCase& test, const Expected& expected,
                  const std::vector<StepOutcome>& got, TestResult& result);

// The allowed error for one element; exposed for tests.
double allowed_error(const Tolerance& t, double expected, double magnitude);

}  // namespace judge
