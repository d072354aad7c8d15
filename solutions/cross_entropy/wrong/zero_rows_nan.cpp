// Checks the labels but not the number of rows: with zero rows the mean is
// 0 / 0 = NaN instead of an std::invalid_argument.
// expect: wrong_answer invalid
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
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
  return total / static_cast<float>(n);  // bug: 0 / 0 when n == 0
}
