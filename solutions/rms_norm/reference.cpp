// Reference: RMSNorm of each row (LLaMA's normalization), in double precision:
// y[i, j] = x[i, j] / sqrt(mean_j(x[i, j]^2) + eps) * gamma[j]. No mean is
// subtracted and there is no beta. Every float32 input squared is at most
// ~1.2e77, far inside double's range, so the plain formula is exact enough.
#include "reference.h"

namespace reference {

Matrix rms_norm(const Matrix& x, const Vector& gamma, double eps) {
  // Checked before anything else, so a 0 x d input with a gamma of the wrong
  // length still throws.
  if (gamma.size() != x.cols())
    throw std::invalid_argument("rms_norm: gamma needs one entry per column of x");
  if (!(eps >= 0)) throw std::invalid_argument("rms_norm: eps must be >= 0 and not NaN");
  Matrix y(x.rows(), x.cols());
  if (x.cols() == 0) return y;  // n x 0: nothing to normalize (mean() of an empty row is undefined)
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double mean_square = x.row(i).squaredNorm() / static_cast<double>(x.cols());
    // eps = +inf gives sqrt(inf) = inf and a row of zeros.
    const double inv_rms = 1.0 / std::sqrt(mean_square + eps);
    y.row(i) = (x.row(i).array() * inv_rms * gamma.transpose().array()).matrix();
  }
  return y;
}

}  // namespace reference
