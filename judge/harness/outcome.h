// What a case's calls returned, and its byte format on the reply channel.
// Shared by the harness (which writes it) and the judge (which reads it);
// no Eigen and no exercise.h, so the judge's own code needs neither.
#pragma once

#include "value.h"
#include "wire.h"

#include <string>
#include <utility>
#include <vector>

namespace judge {

struct CallResult {
  bool has_result = false;
  Value result;
  std::vector<std::pair<int, Value>> mutated;  // in-out parameters after the call
  // Time inside the call (steady clock). Every program reports it, but the
  // judge reads it only from its own trusted reference: a reference's time
  // is its computation alone, without decoding and encoding values, as the
  // learner's is its CPU time less a baseline's (measured from outside).
  double seconds = 0;
};

struct StepOutcome {
  wire::CallStatus status = wire::CallStatus::kReturned;
  CallResult call;             // when status is kReturned
  std::string exception_type;  // otherwise
  std::string exception_what;
};

inline void write_outcomes(wire::Writer& w, const std::vector<StepOutcome>& outcomes) {
  w.u32(static_cast<std::uint32_t>(outcomes.size()));
  for (const StepOutcome& o : outcomes) {
    w.u8(static_cast<std::uint8_t>(o.status));
    if (o.status != wire::CallStatus::kReturned) {
      w.str(o.exception_type.substr(0, 200));
      w.str(o.exception_what.substr(0, 2000));
    }
    w.f64(o.call.seconds);
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
    o.call.seconds = r.f64();
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
