// What a runtime error means, in a sentence a learner can act on. Eigen's
// assertions, the C++ library's last words and the common signals are
// recognised from the raw text the program printed as it died; the raw text
// itself is shown too (the sentence is a reading of it, not a replacement).
#pragma once

#include "problem.h"

#include <string>

namespace judge {

// The sentence for a program that died printing `output` (its last words,
// learner-controlled) and ended with `signal` (0 when it exited). Empty when
// nothing is recognised: then only the raw text is shown.
LocalText explain_runtime_error(const std::string& output, int signal);

}  // namespace judge
