// Through the log domain: lse over the kept entries, then exp(x - lse) for each
// kept entry. Rounding lse costs about eps32 * |x|, which the tolerance allows.
// expect: accepted
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (x.rows() != mask.rows() || x.cols() != mask.cols())
    throw std::invalid_argument("masked_softmax: shapes differ");
  const float neg_inf = -std::numeric_limits<float>::infinity();
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = neg_inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) m = std::max(m, x(i, j));
    if (m == neg_inf) continue;
    float s = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) s += std::exp(x(i, j) - m);
    const float lse = m + std::log(s);
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) y(i, j) = std::exp(x(i, j) - lse);
  }
  return y;
}
