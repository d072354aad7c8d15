// The reports of a grading run, each a pure function of the GradeBook, so an
// interrupted and resumed run writes byte-identical files.
#pragma once

#include "gradebook.h"

#include <string>

namespace judge {

// The name of a learner's report files (learners/<stem>.json and
// gradescope/<stem>.json). A learner id is a folder name, any bytes but '/'
// and NUL: a short, printable, valid UTF-8 id that does not start with '.' is
// its own stem; any other id gets a printable prefix of itself plus a hash of
// all of it, so no two ids share a stem and every stem is a short file name.
std::string report_file_stem(const std::string& learner);

// One CSV cell: learner text made printable, quoted when it holds a
// separator, and kept from starting like a spreadsheet formula.
std::string csv_field(const std::string& text);

std::string render_summary_csv(const GradeBook& book);
// The same rows and columns as summary.csv, each cell an outcome's name
// (grade_outcome.h): what the fraction alone cannot tell apart.
std::string render_outcomes_csv(const GradeBook& book);
std::string render_junit(const GradeBook& book);
nlohmann::json render_learner_json(const GradeBook& book, const GradedLearner& learner);
nlohmann::json render_gradescope(const GradeBook& book, const GradedLearner& learner);

// Writes summary.csv, outcomes.csv, junit.xml, report.html, learners/<id>.json and
// gradescope/<id>.json into `out_dir`, each through a temporary file.
void write_grade_reports(const GradeBook& book, const std::string& out_dir);

}  // namespace judge
