// The mistake of solutions/softmax_temperature/wrong/power_after_softmax.cpp, written with scalar float loops, std::pow per entry and a std::vector buffer instead of Eigen's ArrayXf::pow().
// expect-mistake: power_after_softmax
#include "exercise.h"

Eigen::MatrixXf softmax_temperature(const Eigen::MatrixXf& logits, float temperature) {
  if (!(temperature > 0.0f) || !std::isfinite(temperature))
    throw std::invalid_argument("softmax_temperature: temperature must be finite and > 0");
  const Eigen::Index n = logits.rows(), d = logits.cols();
  Eigen::MatrixXf y(n, d);
  const float exponent = 1.0f / temperature;
  std::vector<float> p(static_cast<std::size_t>(d));
  for (Eigen::Index i = 0; i < n; ++i) {
    float peak = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < d; ++j) peak = std::max(peak, logits(i, j));
    if (peak == -std::numeric_limits<float>::infinity()) {
      for (Eigen::Index j = 0; j < d; ++j) y(i, j) = 0.0f;
      continue;
    }
    // Plain softmax of the raw logits first ...
    float total = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) {
      p[static_cast<std::size_t>(j)] = std::exp(logits(i, j) - peak);
      total += p[static_cast<std::size_t>(j)];
    }
    // ... then sharpen or flatten it with p^(1/T) and renormalize.
    float total2 = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) {
      p[static_cast<std::size_t>(j)] = std::pow(p[static_cast<std::size_t>(j)] / total, exponent);
      total2 += p[static_cast<std::size_t>(j)];
    }
    for (Eigen::Index j = 0; j < d; ++j) y(i, j) = p[static_cast<std::size_t>(j)] / total2;
  }
  return y;
}
