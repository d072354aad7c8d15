#include "expected.h"

#include "reference_registry.h"
#include "yaml_context.h"

#include <algorithm>
#include <limits>

namespace judge {

Expected compute_expected(const Problem& problem, const TestCase& test) {
  std::vector<BoundFunction> functions;
  for (const Signature& sig : problem.signatures) {
    const BoundFunction* f = find_reference(sig.name);
    if (f == nullptr)
      throw BankError(problem.file + ": no reference solution registers " + sig.name +
                      " (solutions/" + problem.id + ".cpp needs JUDGE_REFERENCE(" + sig.name +
                      "))");
    functions.push_back(*f);
  }
  Expected e;
  // Time only where it matters; take the fastest of a few runs.
  const int runs = test.group->time_factor > 0 ? 5 : 1;
  e.seconds = std::numeric_limits<double>::infinity();
  for (int r = 0; r < runs; ++r) {
    e.steps = execute(functions, test.spec.steps);
    double seconds = 0;
    for (const auto& s : e.steps) seconds += s.call.seconds;
    e.seconds = std::min(e.seconds, seconds);
  }
  const StepOutcome& last = e.steps.back();
  const bool threw = last.status != wire::CallStatus::kReturned;
  if (test.group->expect_invalid && (!threw || last.status != wire::CallStatus::kInvalidArgument))
    throw BankError(
        problem.file + ": case " + test.full_name() +
        " is in the invalid group but the reference does not throw std::invalid_argument on it");
  if (!test.group->expect_invalid && threw)
    throw BankError(problem.file + ": the reference throws " + last.exception_type + " (" +
                    last.exception_what + ") on case " + test.full_name() +
                    "; move it to the invalid group or fix the inputs");
  return e;
}

const std::vector<Expected>& ExpectedCache::get(const Problem& problem,
                                                const std::vector<TestCase>& cases,
                                                const std::string& variant) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = entries_[problem.id + "\n" + variant];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
  }
  std::call_once(entry->once, [&] {
    try {
      for (const TestCase& c : cases) entry->values.push_back(compute_expected(problem, c));
    } catch (const std::exception& e) {
      entry->error = e.what();
      entry->values.clear();
    }
  });
  if (!entry->error.empty()) throw std::runtime_error(entry->error);
  return entry->values;
}

}  // namespace judge
