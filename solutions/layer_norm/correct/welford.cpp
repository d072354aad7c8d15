// One pass per row with Welford's update in float: the running mean and the
// running sum of squared deviations M2 are updated together, so no large
// squares are ever subtracted (unlike E[x^2] - E[x]^2). var = M2 / d.
// expect: accepted
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta must have x.cols() entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("eps must be >= 0 and not NaN");
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float mean = 0.0f, m2 = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const float delta = x(i, j) - mean;
      mean += delta / static_cast<float>(j + 1);
      m2 += delta * (x(i, j) - mean);
    }
    if (x.cols() == 0) continue;
    const float rstd = 1.0f / std::sqrt(m2 / static_cast<float>(x.cols()) + eps);
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      y(i, j) = gamma(j) * ((x(i, j) - mean) * rstd) + beta(j);
  }
  return y;
}
