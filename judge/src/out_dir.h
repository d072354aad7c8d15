// Where `judge grade` may write its reports, decided before any work: never
// over the hand-ins, never where the next run would take them for a learner.
#pragma once

#include "status.h"

#include <string>

namespace judge {

// Refused (one sentence) when `out_dir` is `/`, the class folder, a folder
// holding the class folder, anywhere inside a learner's folder, a top-level
// folder of the class that already holds other files than a grading run's
// (a learner's, most likely), or a folder the judge cannot make or write in.
// A new or earlier report folder at the top of the class folder is fine: the
// roster skips it, as it always has. Makes `out_dir` when it is missing.
Status check_out_dir(const std::string& class_dir, const std::string& out_dir);

}  // namespace judge
