// Float exps, double sums: the row sum and the batch total are accumulated in
// double and the mean is rounded to float once.
// expect: accepted
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  if (n < 1) throw std::invalid_argument("need at least one row");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels");
  double total = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int l = labels[static_cast<std::size_t>(i)];
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
    const float t = logits(i, l);
    if (std::isinf(t) && t < 0) {
      total = std::numeric_limits<double>::infinity();
      continue;
    }
    const float m = logits.row(i).maxCoeff();
    double s = 0.0;
    for (Eigen::Index j = 0; j < logits.cols(); ++j) s += std::exp(logits(i, j) - m);
    total += static_cast<double>(m - t) + std::log(s);
  }
  return static_cast<float>(total / static_cast<double>(n));
}
