// Written the way PyTorch describes it: build the smoothed target
// q = (1 - s) * onehot + s / V and take -sum_j q_j * log p_j, with
// log p_j = (x_j - m) - log(sum exp(x - m)). Terms with q_j = 0 are skipped
// (0 * log 0 counts as 0), and a term with q_j > 0 and log p_j = -inf is +inf.
// expect: accepted
#include "exercise.h"

#include <vector>

float label_smoothing_cross_entropy(const MatrixXf& logits, const std::vector<int>& labels,
                                    float smoothing) {
  const Eigen::Index n = logits.rows(), v = logits.cols();
  if (n == 0) throw std::invalid_argument("zero rows");
  if (labels.size() != static_cast<std::size_t>(n)) throw std::invalid_argument("one label per row");
  for (int l : labels)
    if (l < 0 || l >= v) throw std::invalid_argument("label out of range");
  if (!(smoothing >= 0.0f && smoothing <= 1.0f)) throw std::invalid_argument("smoothing");
  const float inf = std::numeric_limits<float>::infinity();
  std::vector<float> q(static_cast<std::size_t>(v));
  float total = 0.0f;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int label = labels[static_cast<std::size_t>(i)];
    for (Eigen::Index j = 0; j < v; ++j)
      q[static_cast<std::size_t>(j)] =
          smoothing / static_cast<float>(v) + (j == label ? 1.0f - smoothing : 0.0f);
    const float m = logits.row(i).maxCoeff();
    if (m == -inf) {  // every class has probability 0, the label's too
      total += inf;
      continue;
    }
    const float log_z = std::log((logits.row(i).array() - m).exp().sum());
    float loss = 0.0f;
    for (Eigen::Index j = 0; j < v; ++j) {
      const float qj = q[static_cast<std::size_t>(j)];
      if (qj == 0.0f) continue;
      const float log_p = (logits(i, j) - m) - log_z;
      loss -= qj * log_p;  // +inf when log_p = -inf
    }
    total += loss;
  }
  return total / static_cast<float>(n);
}
