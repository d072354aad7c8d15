// The known mistakes of a problem as one program. Naming a learner's mistake
// needs every known-wrong file's answers; built one by one, each file pays
// for Eigen's templates again. Put together, each file in a namespace of its
// own (judge_known_0, judge_known_1, ...) and with one adapter that binds the
// set named on the program's command line, they compile once: the five
// mistakes of scaled_dot_product_attention take 0.8 s instead of 2.9 s.
//
// Only files that cannot change one another may share a translation unit:
// no macros (a #define would reach the next file), no pragmas, no raw
// strings (an #include line removed from one would change it), and no
// headers but the standard ones and exercise.h. Otherwise, and whenever the
// shared program does not build, each file is built alone as before: what
// the files answer is the same either way, only the cost differs.
#pragma once

#include "problem.h"

#include <optional>
#include <string>
#include <vector>

namespace judge {

// Whether one file may share a program with others (see above).
bool may_share_a_program(const std::string& source);

// The shared program's source, or nothing when a file may not share it or
// there are fewer than two files. Variant k (the command-line argument)
// answers as sources[k] alone would.
std::optional<std::string> known_mistakes_source(const Problem& problem,
                                                 const std::vector<std::string>& sources);

}  // namespace judge
