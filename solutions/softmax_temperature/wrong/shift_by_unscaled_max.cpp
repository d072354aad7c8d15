// Subtracts the maximum of the raw logits after dividing by T:
// exp(x / T - max(x)). Any constant shift is mathematically fine, but this one
// does not keep the exponents <= 0: with T = 1e-3, x / T - max(x) is about 1000
// and exp overflows to inf, giving NaN.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    const float m = logits.row(i).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf e = (logits.row(i).transpose().array() / temperature - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
