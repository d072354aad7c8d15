// Computes the stable softmax first and then takes -log of the label's
// probability. For logits [1000, 0] with label 1 the probability exp(-1000)
// underflows to 0 in float32 and -log(0) = inf, while the answer is 1000. Use
// logsumexp(x) - x[label] instead.
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
    const float m = logits.row(i).maxCoeff();
    Eigen::ArrayXf p = (logits.row(i).transpose().array() - m).exp();
    p /= p.sum();
    total += -std::log(p(labels[static_cast<std::size_t>(i)]));
  }
  return total / static_cast<float>(n);
}
