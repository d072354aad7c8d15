// Loops in double: each entry widened to double, exp and the sum in double,
// rounded to float once at the end.
// expect: accepted
#include "exercise.h"

#include <algorithm>

VectorXf logsumexp_rows(const MatrixXf& x) {
  const double inf = std::numeric_limits<double>::infinity();
  VectorXf out(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double m = -inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j) m = std::max(m, static_cast<double>(x(i, j)));
    if (m == -inf) {
      out(i) = -std::numeric_limits<float>::infinity();
      continue;
    }
    double sum = 0.0;
    for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(static_cast<double>(x(i, j)) - m);
    out(i) = static_cast<float>(m + std::log(sum));
  }
  return out;
}
