// Float only: each row is divided by its own largest |x| before squaring, so
// every square is at most 1; then sqrt(ms + eps) = m * sqrt(mean((x/m)^2) + eps/m^2).
// A row of zeros (m = 0) is handled on its own.
// expect: accepted
#include "exercise.h"

#include <algorithm>

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (x.cols() != gamma.size()) throw std::invalid_argument("rms_norm: gamma size");
  if (std::isnan(eps) || eps < 0) throw std::invalid_argument("rms_norm: eps");
  const Eigen::Index n = x.rows(), d = x.cols();
  MatrixXf y = MatrixXf::Zero(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    float m = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) m = std::max(m, std::fabs(x(i, j)));
    if (m == 0.0f) continue;  // all zeros: 0 / sqrt(eps) = 0
    float s = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) {
      const float r = x(i, j) / m;
      s += r * r;
    }
    const float denom = m * std::sqrt(s / static_cast<float>(d) + eps / m / m);
    for (Eigen::Index j = 0; j < d; ++j) y(i, j) = x(i, j) / denom * gamma(j);
  }
  return y;
}
