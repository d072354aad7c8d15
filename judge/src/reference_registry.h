// The reference functions linked into the judge, by learner function name.
// Solution files register themselves with JUDGE_REFERENCE (solutions/reference.h).
#pragma once

#include "binder.h"

#include <string>

namespace judge {

bool register_reference(const std::string& name, BoundFunction function);
// Returns nullptr if no reference has that name.
const BoundFunction* find_reference(const std::string& name);

}  // namespace judge
