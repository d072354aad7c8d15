// Applies the temperature after the softmax: p = softmax(x), then p^(1/T)
// renormalized. Mathematically equal, but p has already underflowed to 0 for
// logits far below the maximum (exp(-200) is 0 in float32), and 0^(1/T) stays
// 0: with a large T the answer should be close to uniform, yet those entries
// stay 0. With a tiny T every p^(1/T) underflows and the row is 0 / 0.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    Eigen::ArrayXf x = logits.row(i).transpose().array();
    const float m = x.maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf p = (x - m).exp();
    p /= p.sum();
    p = p.pow(1.0f / temperature);
    y.row(i) = (p / p.sum()).matrix().transpose();
  }
  return y;
}
