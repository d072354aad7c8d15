// The table that ends `judge check --all` and `judge check --set`: a line per
// problem with its passed/total, its outcome in a word and, when the output
// matched one, the known mistake; the long reports only with --verbose.
#pragma once

#include "grade_outcome.h"
#include "problem.h"

#include <string>
#include <vector>

namespace judge {

struct SummaryRow {
  std::string problem;
  int passed = 0;
  int total = 0;
  Outcome outcome = Outcome::kNotAttempted;
  std::string mistake;  // the known mistake's title, in the learner's language; "" for none
};

// The outcome's name for a learner: outcomes.csv's spelling in English
// ("wrong_answer"), a word in Chinese ("答案错误").
std::string outcome_label(Outcome outcome, Lang lang);

// Columns padded to the widest cell (a CJK character takes two columns),
// then a line counting the problems passed.
std::string render_check_summary(const std::vector<SummaryRow>& rows, Lang lang);

}  // namespace judge
