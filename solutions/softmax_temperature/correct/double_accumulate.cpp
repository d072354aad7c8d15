// Multiplies by the float reciprocal 1/T, shifts by the row maximum of the
// scaled logits, and accumulates the row sum in double.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0.0f && temperature < std::numeric_limits<float>::infinity()))
    throw std::invalid_argument("temperature must be finite and positive");
  const float inv_t = 1.0f / temperature;
  MatrixXf y = MatrixXf::Zero(logits.rows(), logits.cols());
  std::vector<float> z(static_cast<std::size_t>(logits.cols()));
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    float m = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < logits.cols(); ++j) {
      z[static_cast<std::size_t>(j)] = logits(i, j) * inv_t;
      if (z[static_cast<std::size_t>(j)] > m) m = z[static_cast<std::size_t>(j)];
    }
    if (m == -std::numeric_limits<float>::infinity()) continue;
    double sum = 0.0;
    for (Eigen::Index j = 0; j < logits.cols(); ++j) {
      y(i, j) = std::exp(z[static_cast<std::size_t>(j)] - m);
      sum += y(i, j);
    }
    for (Eigen::Index j = 0; j < logits.cols(); ++j)
      y(i, j) = static_cast<float>(y(i, j) / sum);
  }
  return y;
}
