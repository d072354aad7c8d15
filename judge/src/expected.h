// Expected outcomes: the reference solutions, run inside the judge in double
// precision on exactly the float32 inputs the learner receives.
#pragma once

#include "cases.h"
#include "execute.h"

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace judge {

struct Expected {
  std::vector<StepOutcome> steps;
  double seconds = 0;  // the reference's fastest call time (performance groups)
};

// Throws BankError when the bank is inconsistent: no reference for a function,
// or a reference that throws outside the invalid group / returns inside it.
Expected compute_expected(const Problem& problem, const TestCase& test);

// Expected values shared by many checks of one problem (grading a class): the
// references run once per problem, not once per learner. Thread-safe.
class ExpectedCache {
 public:
  // `variant` names the case selection (empty: all cases). Throws what
  // compute_expected threw, to every caller.
  const std::vector<Expected>& get(const Problem& problem, const std::vector<TestCase>& cases,
                                   const std::string& variant);

 private:
  struct Entry {
    std::once_flag once;
    std::vector<Expected> values;
    std::string error;
  };
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace judge
