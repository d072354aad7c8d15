// A small wrong result shown whole: expected and got side by side, each
// entry outside the tolerance marked, so the pattern of the mistake shows
// (a wrong row, a transposed matrix, one column off) and not only its worst
// element.
#pragma once

#include "verdict.h"

#include <string>

namespace judge {

// Lines indented by two spaces, ending in a newline.
std::string grid_text(const Grid& grid, Lang lang);

}  // namespace judge
