// Reference: row-wise softmax with a temperature, in double precision.
// y[i, j] = exp(x[i, j] / T) / sum_k exp(x[i, k] / T) for T finite and > 0.
#include "reference.h"

namespace reference {

Matrix softmax_temperature(const Matrix& logits, double temperature) {
  // Checked first, even for an empty input. NaN fails every comparison, so
  // !(T > 0) also rejects NaN; -0.0 > 0 is false, so -0 is rejected too.
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("softmax_temperature: temperature must be finite and > 0");
  Matrix y(logits.rows(), logits.cols());
  if (logits.cols() == 0) return y;
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    const Vector z = logits.row(i).transpose() / temperature;
    const double max = z.maxCoeff();
    // Every entry is -inf: a fully masked row gives zeros, not NaN.
    if (max == -kInf) {
      y.row(i).setZero();
      continue;
    }
    const Vector e = (z.array() - max).exp();
    y.row(i) = (e / e.sum()).transpose();
  }
  return y;
}

}  // namespace reference
