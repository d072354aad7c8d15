// Accumulates sum(x) and sum(x^2) in double and uses var = E[x^2] - E[x]^2.
// In float this formula cancels catastrophically (rows with mean 1e4 have
// E[x^2] ~ 1e8, whose float spacing is 8), but double carries 29 more bits:
// the cancellation costs ~1e8 * 1e-16, far below the tolerance. The output is
// rounded to float once at the end.
// expect: accepted
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta: one entry per column");
  if (std::isnan(eps) || eps < 0.0f) throw std::invalid_argument("eps must be >= 0");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  for (Eigen::Index i = 0; i < x.rows() && d > 0; ++i) {
    double s = 0, s2 = 0;
    for (Eigen::Index j = 0; j < d; ++j) {
      const double v = x(i, j);
      s += v;
      s2 += v * v;
    }
    const double mean = s / d;
    const double var = std::max(0.0, s2 / d - mean * mean);
    const double inv = 1.0 / std::sqrt(var + static_cast<double>(eps));
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>((x(i, j) - mean) * inv * gamma(j) + beta(j));
  }
  return y;
}
