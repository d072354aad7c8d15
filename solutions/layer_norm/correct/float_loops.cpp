// The textbook two-pass layer norm with plain float loops and float sums
// (summed left to right, the least accurate order): mean, then the mean of
// (x - mean)^2, then (x - mean) / sqrt(var + eps) * gamma + beta.
// expect: accepted
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  const Eigen::Index n = x.rows(), d = x.cols();
  if (gamma.size() != d || beta.size() != d) throw std::invalid_argument("gamma/beta size");
  if (std::isnan(eps) || eps < 0) throw std::invalid_argument("eps");
  MatrixXf y(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (d == 0) break;
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) sum += x(i, j);
    const float mean = sum / static_cast<float>(d);
    float sq = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) sq += (x(i, j) - mean) * (x(i, j) - mean);
    const float var = sq / static_cast<float>(d);
    const float denom = std::sqrt(var + eps);
    for (Eigen::Index j = 0; j < d; ++j) y(i, j) = (x(i, j) - mean) / denom * gamma(j) + beta(j);
  }
  return y;
}
