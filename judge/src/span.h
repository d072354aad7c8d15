// Parameters every generator shares.
#pragma once

#include "yaml_context.h"

#include <cmath>
#include <cstdint>
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

// Every generator makes `count` cases from `seed`.
inline void parse_count_and_seed(const YamlContext& ctx, const YAML::Node& node, int& count,
                                 std::uint64_t& seed) {
  count = static_cast<int>(ctx.integer(ctx.require(node, "count", "a generator"), "count"));
  if (count < 1 || count > 1000) ctx.fail(node["count"], "count must be between 1 and 1000");
  const long long s = ctx.integer(ctx.require(node, "seed", "a generator"), "seed");
  if (s < 0) ctx.fail(node["seed"], "seed must be 0 or more");
  seed = static_cast<std::uint64_t>(s);
}

}  // namespace judge
