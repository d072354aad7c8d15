// The reports of a grading run, each a pure function of the GradeBook, so an
// interrupted and resumed run writes byte-identical files.
#pragma once

#include "gradebook.h"

#include <string>

namespace judge {

std::string render_summary_csv(const GradeBook& book);
std::string render_junit(const GradeBook& book);
nlohmann::json render_learner_json(const GradeBook& book, const GradedLearner& learner);
nlohmann::json render_gradescope(const GradeBook& book, const GradedLearner& learner);

// Writes summary.csv, junit.xml, report.html, learners/<id>.json and
// gradescope/<id>.json into `out_dir`, each through a temporary file.
void write_grade_reports(const GradeBook& book, const std::string& out_dir);

}  // namespace judge
