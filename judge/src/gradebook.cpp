#include "gradebook.h"

namespace judge {

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
