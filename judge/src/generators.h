// Named generators: a problem file names one and gives its parameters; loading
// checks them, and make() turns them into seeded cases.
#pragma once

#include "problem.h"
#include "yaml_context.h"

#include <memory>

namespace judge {

// `node` is one entry of a group's `generate` list.
std::shared_ptr<const Generator> parse_generator(const YamlContext& ctx, const YAML::Node& node,
                                                 const std::vector<Signature>& signatures);

}  // namespace judge
