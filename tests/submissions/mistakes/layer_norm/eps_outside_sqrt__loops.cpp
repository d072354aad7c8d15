// The mistake of solutions/layer_norm/wrong/eps_outside_sqrt.cpp, written with scalar two-pass loops and double mean/variance accumulators instead of Eigen row expressions.
// expect-mistake: eps_outside_sqrt
#include "exercise.h"

Eigen::MatrixXf layer_norm(const Eigen::MatrixXf& x, const Eigen::VectorXf& gamma, const Eigen::VectorXf& beta, float eps) {
  const Eigen::Index n = x.rows(), d = x.cols();
  if (gamma.size() != d || beta.size() != d)
    throw std::invalid_argument("layer_norm: gamma and beta need d entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("layer_norm: eps must be >= 0");
  Eigen::MatrixXf y(n, d);
  if (d == 0) return y;
  for (Eigen::Index i = 0; i < n; ++i) {
    double mean = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) mean += x(i, j);
    mean /= static_cast<double>(d);
    double var = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) {
      const double dev = x(i, j) - mean;
      var += dev * dev;
    }
    var /= static_cast<double>(d);
    const double denom = std::sqrt(var) + eps;
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>((x(i, j) - mean) / denom * gamma[j] + beta[j]);
  }
  return y;
}
