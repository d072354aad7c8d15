// Plain float loops with the algebra done first: the uniform part is
// mean_j (lse - x_j) = lse - mean(x), so
// loss = lse - (1 - s) * x[label] - s * mean(x), all sums left to right in float.
// expect: accepted
#include "exercise.h"

float label_smoothing_cross_entropy(const MatrixXf& logits, const std::vector<int>& labels,
                                    float smoothing) {
  const Eigen::Index n = logits.rows();
  const Eigen::Index v = logits.cols();
  if (n == 0) throw std::invalid_argument("empty batch");
  if (labels.size() != static_cast<std::size_t>(n)) throw std::invalid_argument("label count");
  for (int l : labels)
    if (l < 0 || l >= v) throw std::invalid_argument("label out of range");
  if (std::isnan(smoothing) || smoothing < 0.0f || smoothing > 1.0f)
    throw std::invalid_argument("smoothing out of range");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float t = logits(i, labels[static_cast<std::size_t>(i)]);
    float m = -inf, sum_x = 0.0f;
    bool has_neg_inf = false;
    for (Eigen::Index j = 0; j < v; ++j) {
      m = std::max(m, logits(i, j));
      if (logits(i, j) == -inf) has_neg_inf = true;
      sum_x += logits(i, j);
    }
    if (t == -inf || (smoothing > 0.0f && has_neg_inf)) {
      total += inf;
      continue;
    }
    float s = 0.0f;
    for (Eigen::Index j = 0; j < v; ++j) s += std::exp(logits(i, j) - m);
    const float lse = m + std::log(s);
    float loss = lse - t;
    if (smoothing > 0.0f)
      loss = lse - (1.0f - smoothing) * t - smoothing * (sum_x / static_cast<float>(v));
    total += loss;
  }
  return total / static_cast<float>(n);
}
