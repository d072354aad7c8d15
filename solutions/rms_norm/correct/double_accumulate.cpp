// Plain loops: the squares are accumulated in double (where 1e20^2 = 1e40 is
// an ordinary number), the scale 1 / sqrt(ms + eps) is rounded to float once.
// expect: accepted
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols()) throw std::invalid_argument("gamma must have x.cols() entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("eps must be >= 0 and not NaN");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  if (d == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double sum_sq = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) sum_sq += static_cast<double>(x(i, j)) * x(i, j);
    const double inv = 1.0 / std::sqrt(sum_sq / static_cast<double>(d) + eps);
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>(x(i, j) * inv) * gamma(j);
  }
  return y;
}
