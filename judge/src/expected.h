// Expected outcomes: the reference solutions, run inside the judge in double
// precision on exactly the float32 inputs the learner receives.
#pragma once

#include "cases.h"
#include "execute.h"

#include <stdexcept>
#include <vector>

namespace judge {

struct Expected {
  std::vector<StepOutcome> steps;
  double seconds = 0;  // the reference's fastest call time (performance groups)
};

// Throws BankError when the bank is inconsistent: no reference for a function,
// or a reference that throws outside the invalid group / returns inside it.
Expected compute_expected(const Problem& problem, const TestCase& test);

}  // namespace judge
