// Expected outcomes: the problem's reference program (solutions/ID/reference.cpp,
// built like any program, run outside the sandbox as trusted code) computes
// them in double precision on exactly the float32 inputs the learner receives.
// A reference that crashes, hangs or throws where it should not is the bank's
// fault: an error naming the problem, never a verdict and never a crash.
#pragma once

#include "build.h"
#include "cases.h"
#include "outcome.h"
#include "program_runner.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace judge {

struct Expected {
  std::vector<StepOutcome> steps;
  // The reference's time inside its calls (performance groups with a time
  // factor; 0 elsewhere): the counted one of five fresh runs. The reference
  // is the judge's own code, so the only program whose own clock is read.
  double seconds = 0;
};

// Wall-clock seconds a reference may take per case before it counts as hung.
constexpr double kReferenceCaseSeconds = 120;

// Runs the reference on `cases`. Throws BankError (the reference does not
// build, crashes, hangs, throws outside the invalid group or returns inside it).
std::vector<Expected> run_reference(const Problem& problem, const std::vector<TestCase>& cases,
                                    ProgramBuilder& builder, ProgramRunner& runner);

// The bytes a cache file holds for `values`, and back (nullopt if damaged).
std::string encode_expected(const std::vector<Expected>& values);
std::optional<std::vector<Expected>> decode_expected(const std::string& bytes);

// Expected values by key: in memory for a grading run's many checks of one
// problem (the reference runs once per problem, not once per learner), and
// on disk under `dir` (when not empty) for the next run. Thread-safe.
class ExpectedCache {
 public:
  explicit ExpectedCache(std::string dir = "") : dir_(std::move(dir)) {}
  // Returns the values under `key`, computing them with `compute` once.
  // Throws what `compute` threw, to every caller.
  const std::vector<Expected>& get(const std::string& key,
                                   const std::function<std::vector<Expected>()>& compute);

 private:
  struct Entry {
    std::once_flag once;
    std::vector<Expected> values;
    std::string error;
  };
  std::string dir_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace judge
