// Returns the sum of the per-row losses instead of their mean. It is right only
// for a single row.
// expect: wrong_answer sample
// expect: wrong_answer basic
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float target = logits(i, labels[static_cast<std::size_t>(i)]);
    if (target == -inf) return inf;
    const float m = logits.row(i).maxCoeff();
    total += m + std::log((logits.row(i).array() - m).exp().sum()) - target;
  }
  return total;  // bug: should divide by n
}
