// Plain float loops: loss_i = (max_i - x[label]) + log(sum exp(x - max_i)),
// summed in float and divided by n.
// expect: accepted
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  const Eigen::Index d = logits.cols();
  if (n == 0) throw std::invalid_argument("empty batch");
  if (labels.size() != static_cast<std::size_t>(n)) throw std::invalid_argument("label count");
  for (int l : labels)
    if (l < 0 || l >= d) throw std::invalid_argument("label out of range");
  float total = 0.0f;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float t = logits(i, labels[static_cast<std::size_t>(i)]);
    if (t == -std::numeric_limits<float>::infinity()) {
      total += std::numeric_limits<float>::infinity();
      continue;
    }
    float m = t;
    for (Eigen::Index j = 0; j < d; ++j) m = std::max(m, logits(i, j));
    float s = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) s += std::exp(logits(i, j) - m);
    total += (m - t) + std::log(s);
  }
  return total / static_cast<float>(n);
}
