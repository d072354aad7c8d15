// Values written in a problem file: [1, 2, 3], [[1, 0], [0, 1]], {shape: [0, 3]},
// {max: -inf, sum: 0}. Reals are rounded to float32 here, because that is what
// the learner receives and what expected values are computed from.
#pragma once

#include "problem.h"
#include "yaml_context.h"

namespace judge {

Value parse_literal(const YamlContext& ctx, const YAML::Node& node, const CppType& type,
                    const std::string& what);

double to_float32(double x);

}  // namespace judge
