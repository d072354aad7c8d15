// A generator parameter that is a number or a [lo, hi] range.
#pragma once

#include "yaml_context.h"

#include <cmath>
#include <string>

namespace judge {

struct Span {
  double lo = 0;
  double hi = 0;
};

inline Span parse_span(const YamlContext& ctx, const YAML::Node& node, const std::string& what) {
  if (node.IsSequence()) {
    if (node.size() != 2) ctx.fail(node, what + " must be a number or a [lo, hi] pair");
    Span s{ctx.number(node[0], what), ctx.number(node[1], what)};
    if (!std::isfinite(s.lo) || !std::isfinite(s.hi) || s.lo > s.hi)
      ctx.fail(node, what + " must be a finite [lo, hi] with lo <= hi");
    return s;
  }
  const double x = ctx.number(node, what);
  if (!std::isfinite(x)) ctx.fail(node, what + " must be finite");
  return {x, x};
}

}  // namespace judge
