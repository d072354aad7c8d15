// The untouched exercise for a problem, generated from its signatures: what
// `judge stub`, `judge reset` and `judge init` write, and the trusted
// baseline program's source (a program that reads the inputs and answers
// "not implemented", whose time and memory the judge subtracts).
#pragma once

#include "problem.h"

#include <string>

namespace judge {

std::string stub_source(const Problem& problem);

}  // namespace judge
