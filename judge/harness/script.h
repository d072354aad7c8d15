// A case as the learner's process receives it: a list of calls. Most problems
// have one step; online softmax and the KV cache chain several, where an
// argument may be an earlier step's result or in-out parameter.
#pragma once

#include "value.h"
#include "wire.h"

#include <cstdint>
#include <vector>

namespace judge {

struct ArgRef {
  bool is_inline = true;
  Value value;  // when inline
  std::uint32_t step = 0;
  std::int32_t slot = -1;  // -1: the step's result; otherwise an in-out parameter's index
};

struct Step {
  std::uint32_t function = 0;  // index into the problem's signatures
  std::vector<ArgRef> args;
};

inline void write_steps(wire::Writer& w, const std::vector<Step>& steps) {
  w.u32(static_cast<std::uint32_t>(steps.size()));
  for (const Step& s : steps) {
    w.u32(s.function);
    w.u32(static_cast<std::uint32_t>(s.args.size()));
    for (const ArgRef& a : s.args) {
      w.u8(static_cast<std::uint8_t>(a.is_inline ? wire::ArgSource::kInline
                                                 : wire::ArgSource::kStepOutput));
      if (a.is_inline) {
        w.value(a.value);
      } else {
        w.u32(a.step);
        w.u32(static_cast<std::uint32_t>(a.slot));
      }
    }
  }
}

inline std::vector<Step> read_steps(wire::Reader& r) {
  std::vector<Step> steps(r.u32());
  for (Step& s : steps) {
    s.function = r.u32();
    s.args.resize(r.u32());
    for (ArgRef& a : s.args) {
      a.is_inline = r.u8() == static_cast<std::uint8_t>(wire::ArgSource::kInline);
      if (a.is_inline) {
        a.value = r.value();
      } else {
        a.step = r.u32();
        a.slot = static_cast<std::int32_t>(r.u32());
      }
    }
  }
  return steps;
}

}  // namespace judge
