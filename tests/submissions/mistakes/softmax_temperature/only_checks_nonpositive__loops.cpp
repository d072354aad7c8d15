// The mistake of solutions/softmax_temperature/wrong/only_checks_nonpositive.cpp, written with scalar loops that scale each row into a std::vector<double> instead of Eigen array expressions.
// expect-mistake: only_checks_nonpositive
#include "exercise.h"

Eigen::MatrixXf softmax_temperature(const Eigen::MatrixXf& logits, float temperature) {
  if (temperature <= 0.0f) throw std::invalid_argument("softmax_temperature: temperature must be > 0");
  const Eigen::Index n = logits.rows(), d = logits.cols();
  Eigen::MatrixXf y(n, d);
  std::vector<double> z(static_cast<std::size_t>(d));
  for (Eigen::Index i = 0; i < n; ++i) {
    double top = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < d; ++j) {
      z[static_cast<std::size_t>(j)] = static_cast<double>(logits(i, j)) / temperature;
      top = std::max(top, z[static_cast<std::size_t>(j)]);
    }
    if (top == -std::numeric_limits<double>::infinity()) {
      for (Eigen::Index j = 0; j < d; ++j) y(i, j) = 0.0f;
      continue;
    }
    double total = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) {
      z[static_cast<std::size_t>(j)] = std::exp(z[static_cast<std::size_t>(j)] - top);
      total += z[static_cast<std::size_t>(j)];
    }
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>(z[static_cast<std::size_t>(j)] / total);
  }
  return y;
}
