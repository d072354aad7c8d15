// Through the log domain: z = x / T, lse = max(z) + log(sum exp(z - max(z))),
// y = exp(z - lse). Rounding lse costs about eps32 * |x / T|, which the
// tolerance allows for.
// expect: accepted
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!std::isfinite(temperature) || temperature <= 0.0f)
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    const Eigen::ArrayXf z = logits.row(i).transpose().array() / temperature;
    const float m = z.maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    const float lse = m + std::log((z - m).exp().sum());
    y.row(i) = (z - lse).exp().matrix().transpose();
  }
  return y;
}
