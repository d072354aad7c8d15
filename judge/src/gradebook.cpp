#include "gradebook.h"

namespace judge {

double GradedLearner::total() const {
  double sum = 0;
  for (const auto& p : problems) sum += p.fraction();
  return sum;
}

}  // namespace judge
