// Eigen does the hard part: stableNorm() computes the row's 2-norm without
// overflow or underflow, rms = norm / sqrt(d), and sqrt(rms^2 + eps) is
// hypot(rms, sqrt(eps)), which never forms rms^2 either.
// expect: accepted
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols() || !(eps >= 0))
    throw std::invalid_argument("rms_norm: need gamma of size d and eps >= 0");
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  const float sqrt_d = std::sqrt(static_cast<float>(x.cols()));
  const float sqrt_eps = std::sqrt(eps);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float rms = x.row(i).stableNorm() / sqrt_d;
    const float denom = std::hypot(rms, sqrt_eps);
    y.row(i) = (x.row(i).array() / denom) * gamma.transpose().array();
  }
  return y;
}
