#include "gradebook.h"

#include "text.h"

namespace judge {

GradedProblem graded_hand_in(const std::string& problem, double points, const std::string& source,
                             nlohmann::json result) {
  GradedProblem p;
  p.problem = problem;
  p.points = points;
  p.attempted = true;
  p.empty = is_blank(source);
  p.source = source;
  if (!result.is_object()) result = {{"status", "error"}, {"tests", nlohmann::json::array()}};
  for (const auto& t : result.value("tests", nlohmann::json::array())) {
    ++p.total;
    if (t.value("status", "") == "pass") ++p.passed;
  }
  p.result = std::move(result);
  return p;
}

double GradedLearner::total() const {
  double sum = 0;
  for (const auto& p : problems) sum += p.score();
  return sum;
}

double GradeBook::max_total() const {
  double sum = 0;
  for (std::size_t i = 0; i < problems.size(); ++i) sum += i < points.size() ? points[i] : 1.0;
  return sum;
}

}  // namespace judge
