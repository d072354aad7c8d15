// The mistake of solutions/cross_entropy/wrong/sum_not_mean.cpp, written with scalar loops accumulating every row's log-sum-exp in double instead of float Eigen row expressions.
// expect-mistake: sum_not_mean
#include "exercise.h"

float cross_entropy(const Eigen::MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index rows = logits.rows(), classes = logits.cols();
  if (rows == 0) throw std::invalid_argument("cross_entropy: no rows");
  if (static_cast<Eigen::Index>(labels.size()) != rows)
    throw std::invalid_argument("cross_entropy: one label per row");
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= classes)
      throw std::invalid_argument("cross_entropy: label out of range");

  const double inf = std::numeric_limits<double>::infinity();
  double loss = 0.0;
  for (Eigen::Index i = 0; i < rows; ++i) {
    const double picked = logits(i, labels[static_cast<std::size_t>(i)]);
    if (picked == -inf) {
      loss = inf;
      continue;
    }
    double hi = -inf;
    for (Eigen::Index j = 0; j < classes; ++j) hi = std::max(hi, static_cast<double>(logits(i, j)));
    double acc = 0.0;
    for (Eigen::Index j = 0; j < classes; ++j) acc += std::exp(static_cast<double>(logits(i, j)) - hi);
    loss += hi + std::log(acc) - picked;
  }
  return static_cast<float>(loss);
}
