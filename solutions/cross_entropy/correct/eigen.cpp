// Eigen expressions: row maxima, logsumexp per row, minus the label's logit,
// then the mean. A -inf logit on the label gives +inf.
// expect: accepted
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  if (n == 0 || static_cast<Eigen::Index>(labels.size()) != n)
    throw std::invalid_argument("cross_entropy: need n > 0 rows and one label per row");
  Eigen::ArrayXf target(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int l = labels[static_cast<std::size_t>(i)];
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("cross_entropy: bad label");
    target(i) = logits(i, l);
  }
  const float inf = std::numeric_limits<float>::infinity();
  if ((target == -inf).any()) return inf;
  const Eigen::ArrayXf m = logits.rowwise().maxCoeff().array();
  const Eigen::ArrayXf lse =
      m + (logits.array().colwise() - m).exp().rowwise().sum().log();
  return (lse - target).mean();
}
