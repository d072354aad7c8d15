// Eigen expressions: the log-softmax of each row (x - lse), then
// -(1 - s) * logp[label] - s * mean(logp). Rows with an infinite cost are
// caught before 0 * inf can appear.
// expect: accepted
#include "exercise.h"

float label_smoothing_cross_entropy(const MatrixXf& logits, const std::vector<int>& labels,
                                    float smoothing) {
  const Eigen::Index n = logits.rows();
  if (n == 0 || static_cast<Eigen::Index>(labels.size()) != n)
    throw std::invalid_argument("need n > 0 rows and one label per row");
  for (int l : labels)
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
  if (!(smoothing >= 0.0f && smoothing <= 1.0f))
    throw std::invalid_argument("smoothing must be in [0, 1]");
  const float inf = std::numeric_limits<float>::infinity();
  Eigen::VectorXf losses(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::ArrayXf x = logits.row(i).transpose().array();
    const int l = labels[static_cast<std::size_t>(i)];
    if (x(l) == -inf || (smoothing > 0.0f && (x == -inf).any())) {
      losses(i) = inf;
      continue;
    }
    const float m = x.maxCoeff();
    const Eigen::ArrayXf logp = (x - m) - std::log((x - m).exp().sum());
    losses(i) = -logp(l);
    if (smoothing > 0.0f) losses(i) = (1.0f - smoothing) * losses(i) - smoothing * logp.mean();
  }
  return losses.mean();
}
