// Plain loops in float with std::exp and std::log: two passes per row.
// expect: accepted
#include "exercise.h"

#include <algorithm>

VectorXf logsumexp_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  VectorXf out(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = -inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j) m = std::max(m, x(i, j));
    if (m == -inf) {  // all -inf, or no columns at all
      out(i) = -inf;
      continue;
    }
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(x(i, j) - m);
    out(i) = m + std::log(sum);
  }
  return out;
}
