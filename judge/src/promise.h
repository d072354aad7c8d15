// Whether a check kept what a file's expect lines promise (known_solutions.h).
// The one reading of those promises: judge verify and the test that runs
// every known solution through the real judge both ask this function.
#pragma once

#include "known_solutions.h"
#include "verdict.h"

#include <string>
#include <vector>

namespace judge {

// One sentence per broken promise, saying what was promised and what came
// (verdict, group/case, message); empty when every promise holds.
//   accepted          every test passes
//   compile_error     the file does not compile
//   VERDICT *         every test gets VERDICT
//   VERDICT GROUP     some test of GROUP gets VERDICT (GROUP "": any group)
// And when every promise names a group, the first failing test is in one
// of them or in the sample: the note a learner reads then explains the trap
// they fell into.
std::vector<std::string> broken_promises(const CheckResult& result,
                                         const std::vector<Expectation>& expect);

// What a check came to, in a few words: "every test passed", "it did not
// compile: ...", "stability/large: wrong_answer: result[0]: expected ...".
std::string describe_outcome(const CheckResult& result);

}  // namespace judge
