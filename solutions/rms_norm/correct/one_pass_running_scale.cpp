// One pass per row, like LAPACK's nrm2: keep a running scale (the largest |x|
// so far) and the sum of (x / scale)^2, rescaling the sum whenever a larger
// entry arrives. No square ever exceeds 1, so nothing overflows or underflows.
// expect: accepted
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  const Eigen::Index n = x.rows(), d = x.cols();
  if (gamma.size() != d) throw std::invalid_argument("gamma length must equal d");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be a number >= 0");
  MatrixXf y(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    float scale = 0.0f, ssq = 1.0f;  // sum of squares = scale^2 * ssq
    for (Eigen::Index j = 0; j < d; ++j) {
      const float a = std::fabs(x(i, j));
      if (a == 0.0f) continue;
      if (a > scale) {
        ssq = 1.0f + ssq * (scale / a) * (scale / a);
        scale = a;
      } else {
        ssq += (a / scale) * (a / scale);
      }
    }
    if (scale == 0.0f) {  // a row of zeros (or d = 0)
      y.row(i).setZero();
      continue;
    }
    const float inv_rms_eps =
        1.0f / (scale * std::sqrt(ssq / static_cast<float>(d) + (eps / scale) / scale));
    for (Eigen::Index j = 0; j < d; ++j) y(i, j) = x(i, j) * inv_rms_eps * gamma(j);
  }
  return y;
}
