// logsumexp without the max shift: log(sum(exp(x))) - x[label]. exp(1000)
// overflows float32 to inf, so the loss is inf; for rows far below zero every
// exp underflows to 0 and log(0) = -inf.
// expect: wrong_answer stability
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
  float total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float lse = std::log(logits.row(i).array().exp().sum());
    total += lse - logits(i, labels[static_cast<std::size_t>(i)]);
  }
  return total / static_cast<float>(n);
}
