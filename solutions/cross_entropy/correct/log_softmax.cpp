// Textbook route done stably: build log_softmax = x - max - log(sum exp(x - max))
// for the whole row, pick the label's entry, negate, and average.
// expect: accepted
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  if (logits.rows() == 0) throw std::invalid_argument("zero rows");
  if (labels.size() != static_cast<std::size_t>(logits.rows()))
    throw std::invalid_argument("one label per row");
  Eigen::VectorXf losses(logits.rows());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    const int l = labels[static_cast<std::size_t>(i)];
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
    if (logits(i, l) == -std::numeric_limits<float>::infinity()) {
      losses(i) = std::numeric_limits<float>::infinity();
      continue;
    }
    const Eigen::ArrayXf x = logits.row(i).transpose().array();
    const float m = x.maxCoeff();
    const Eigen::ArrayXf log_p = (x - m) - std::log((x - m).exp().sum());
    losses(i) = -log_p(l);
  }
  return losses.mean();
}
