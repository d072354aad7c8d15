// Plain float loops, shifting before dividing: exp((x - max(x)) / T). The
// difference x - max(x) is exact for close entries, so this loses the least.
// expect: accepted
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (std::isnan(temperature) || std::isinf(temperature) || temperature <= 0.0f)
    throw std::invalid_argument("bad temperature");
  const float neg_inf = -std::numeric_limits<float>::infinity();
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    float m = neg_inf;
    for (Eigen::Index j = 0; j < logits.cols(); ++j) m = std::max(m, logits(i, j));
    if (m == neg_inf) {
      for (Eigen::Index j = 0; j < logits.cols(); ++j) y(i, j) = 0.0f;
      continue;
    }
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < logits.cols(); ++j) {
      y(i, j) = std::exp((logits(i, j) - m) / temperature);
      sum += y(i, j);
    }
    for (Eigen::Index j = 0; j < logits.cols(); ++j) y(i, j) /= sum;
  }
  return y;
}
