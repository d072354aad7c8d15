// The intake's findings for the instructor: intake.csv beside the other
// reports, and one line each on the terminal. Learner text (folder and file
// names) is shown, never obeyed.
#pragma once

#include "intake.h"

#include <string>
#include <vector>

namespace judge {

// learner,problem,finding,file,note; a row per finding, in the order found.
std::string render_intake_csv(const std::vector<IntakeFinding>& findings);

// Writes intake.csv into `out_dir` through a temporary file.
void write_intake_csv(const std::vector<IntakeFinding>& findings, const std::string& out_dir);

// "intake: <note>", printable and on one line whatever the names hold.
std::string intake_line(const IntakeFinding& finding);

}  // namespace judge
