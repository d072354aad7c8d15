// Compares a problem's worked example with what its reference computes for the
// example's case, and with the statement that prints it. Pure: the caller runs
// the reference (judge verify does).
#pragma once

#include "problem.h"

#include <string>
#include <vector>

namespace judge {

// Problems for the author, each starting with the example's file:line:column;
// empty when the example is right. `computed` is the result of the example
// case's last step. Checks that
//  - the output has the computed value's shape (records: fields by name);
//  - every written number is within half a unit of its last written digit of
//    the computed one (0.6652410: +-5e-8), plus 1e-6 relative; integers exact;
//  - every written number appears, as a number of its own, in both the en and
//    the zh statement, so the prose shows exactly the checked data.
std::vector<std::string> check_worked_example(const Problem& problem, const Value& computed);

}  // namespace judge
