// Computes the variance in one float pass as E[x^2] - E[x]^2. Exact in real
// numbers, but on a row with mean 1e4 and std 1 both terms are ~1e8, where
// float32 values are 8 apart: their difference is a multiple of 8 (0, 8,
// -8 ...) instead of 1, so the outputs are off by order 1, or huge (variance
// 0), or NaN (a negative variance). Subtract the mean first (two passes, or
// Welford's update).
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  for (Eigen::Index i = 0; i < x.rows() && d > 0; ++i) {
    float s = 0, s2 = 0;
    for (Eigen::Index j = 0; j < d; ++j) {
      s += x(i, j);
      s2 += x(i, j) * x(i, j);
    }
    const float mean = s / d;
    const float var = s2 / d - mean * mean;  // bug: catastrophic cancellation
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = (x(i, j) - mean) / std::sqrt(var + eps) * gamma(j) + beta(j);
  }
  return y;
}
