// Reads a problem's `example:` key: which written case is the statement's
// worked example, and the output the statement prints for it.
#pragma once

#include "problem.h"
#include "yaml_context.h"

namespace judge {

// `problem` must already have its signatures and groups. Throws BankError
// (file:line:column) for an unknown case, a case that throws or returns
// nothing, and an output that is not the last step's result type.
WorkedExample parse_worked_example(const YamlContext& ctx, const YAML::Node& node,
                                   const Problem& problem);

// False for a function declared void: its call has no result to print.
bool returns_value(const Signature& signature);

}  // namespace judge
