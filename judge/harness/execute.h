// Runs a case's steps against a table of bound functions and serialises what
// happened. The learner's process and the judge's reference run share it, so
// "step 2 uses step 0's result" means the same thing on both sides.
#pragma once

#include "binder.h"
#include "exceptions.h"
#include "script.h"
#include "wire.h"

#include <string>
#include <vector>

namespace judge {

struct StepOutcome {
  wire::CallStatus status = wire::CallStatus::kReturned;
  CallResult call;             // when status is kReturned
  std::string exception_type;  // otherwise
  std::string exception_what;
};

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

inline void write_outcomes(wire::Writer& w, const std::vector<StepOutcome>& outcomes) {
  w.u32(static_cast<std::uint32_t>(outcomes.size()));
  for (const StepOutcome& o : outcomes) {
    w.u8(static_cast<std::uint8_t>(o.status));
    if (o.status != wire::CallStatus::kReturned) {
      w.str(o.exception_type.substr(0, 200));
      w.str(o.exception_what.substr(0, 2000));
    }
    w.u8(o.call.has_result ? 1 : 0);
    if (o.call.has_result) w.value(o.call.result);
    w.u32(static_cast<std::uint32_t>(o.call.mutated.size()));
    for (const auto& [index, value] : o.call.mutated) {
      w.u32(static_cast<std::uint32_t>(index));
      w.value(value);
    }
  }
}

inline std::vector<StepOutcome> read_outcomes(wire::Reader& r) {
  const std::uint32_t n = r.u32();
  if (n > 100000) throw wire::WireError("too many steps in a reply");
  std::vector<StepOutcome> outcomes(n);
  for (StepOutcome& o : outcomes) {
    const std::uint8_t status = r.u8();
    if (status > static_cast<std::uint8_t>(wire::CallStatus::kOtherException))
      throw wire::WireError("unknown call status");
    o.status = static_cast<wire::CallStatus>(status);
    if (o.status != wire::CallStatus::kReturned) {
      o.exception_type = r.str();
      o.exception_what = r.str();
    }
    o.call.has_result = r.u8() != 0;
    if (o.call.has_result) o.call.result = r.value();
    const std::uint32_t m = r.u32();
    if (m > 64) throw wire::WireError("too many in-out parameters");
    for (std::uint32_t i = 0; i < m; ++i) {
      const auto index = static_cast<int>(r.u32());
      o.call.mutated.emplace_back(index, r.value());
    }
  }
  return outcomes;
}

}  // namespace judge
