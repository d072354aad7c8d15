// Runs a case's steps against a table of bound functions. Every program the
// judge builds (the learner's, the baseline, the reference) runs cases with
// it, so "step 2 uses step 0's result" means the same thing everywhere.
#pragma once

#include "binder.h"
#include "exceptions.h"
#include "outcome.h"
#include "script.h"
#include "wire.h"

#include <string>
#include <vector>

namespace judge {

inline const Value& resolve(const ArgRef& a, const std::vector<StepOutcome>& done) {
  if (a.is_inline) return a.value;
  if (a.step >= done.size() || done[a.step].status != wire::CallStatus::kReturned)
    throw wire::WireError("a step refers to a step that has not returned");
  const CallResult& c = done[a.step].call;
  if (a.slot < 0) {
    if (!c.has_result) throw wire::WireError("a step refers to a missing result");
    return c.result;
  }
  for (const auto& [index, value] : c.mutated)
    if (index == a.slot) return value;
  throw wire::WireError("a step refers to a missing in-out parameter");
}

// Stops after the first step that throws: later steps may depend on it.
inline std::vector<StepOutcome> execute(const std::vector<BoundFunction>& functions,
                                        const std::vector<Step>& steps) {
  std::vector<StepOutcome> done;
  for (const Step& step : steps) {
    if (step.function >= functions.size()) throw wire::WireError("unknown function index");
    const BoundFunction& f = functions[step.function];
    if (static_cast<int>(step.args.size()) != f.arity)
      throw wire::WireError("wrong number of arguments for " + f.name);
    std::vector<Value> args;
    args.reserve(step.args.size());
    for (const ArgRef& a : step.args) args.push_back(resolve(a, done));
    StepOutcome outcome;
    std::exception_ptr error;
    try {
      outcome.call = f.call(args, error);
    } catch (...) {
      error = std::current_exception();  // decoding failed (out of memory, say)
    }
    if (error) {
      try {
        std::rethrow_exception(error);
      } catch (...) {
        const CaughtException e = classify_current_exception();
        outcome.status = e.status;
        outcome.exception_type = e.type;
        outcome.exception_what = e.what;
      }
    }
    done.push_back(std::move(outcome));
    if (done.back().status != wire::CallStatus::kReturned) break;
  }
  return done;
}

}  // namespace judge
