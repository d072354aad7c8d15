// Renders a GradeBook as one self-contained HTML page (report.html) for an
// instructor: a heat map of learners by problems, and a details panel with
// each learner's failing cases. The page needs no network and no files besides
// itself; its script draws the table from the book embedded as JSON.
#pragma once

#include "gradebook.h"

#include <string>

namespace judge {

// Byte-identical for the same book. Learner-supplied text (ids, messages,
// compile output) reaches the page only as data, never as markup.
std::string render_html(const GradeBook& book);

}  // namespace judge
