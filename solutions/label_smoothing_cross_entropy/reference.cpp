// Reference: mean cross-entropy with label smoothing, as PyTorch's
// CrossEntropyLoss(label_smoothing=s) defines it, in double precision. The
// target of row i puts 1 - s on its label and s / V on every class (the label
// included), so
//   loss_i = (1 - s) * (lse_i - x_i[label]) + s * mean_j (lse_i - x_i[j])
// with lse_i the row's log-sum-exp. Each -log p_j is lse - x_j, never the log
// of a computed probability.
#include "reference.h"

#include <string>

namespace reference {

double label_smoothing_cross_entropy(const Matrix& logits, const std::vector<int>& labels,
                                     double smoothing) {
  const Eigen::Index n = logits.rows();
  const Eigen::Index d = logits.cols();
  if (n == 0)
    throw std::invalid_argument("label_smoothing_cross_entropy: the mean of zero rows is undefined");
  if (static_cast<Eigen::Index>(labels.size()) != n)
    throw std::invalid_argument("label_smoothing_cross_entropy: need one label per row");
  for (int label : labels)
    if (label < 0 || label >= d)
      throw std::invalid_argument("label_smoothing_cross_entropy: label " + std::to_string(label) +
                                  " is out of range [0, " + std::to_string(d) + ")");
  if (!(smoothing >= 0 && smoothing <= 1))
    throw std::invalid_argument("label_smoothing_cross_entropy: smoothing must be in [0, 1]");
  double total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto row = logits.row(i).array();
    const double target = row(labels[static_cast<std::size_t>(i)]);
    // A class of probability 0 that the target gives weight > 0 costs +inf:
    // the label (weight 1 - s + s / V > 0 for every s) always, and any class
    // when s > 0. Returning +inf here avoids 0 * inf and -inf - -inf.
    const bool any_neg_inf = (row == -kInf).any();
    if (target == -kInf || (smoothing > 0 && any_neg_inf)) {
      total += kInf;
      continue;
    }
    const double max = row.maxCoeff();  // >= target > -inf
    const double lse = max + std::log((row - max).exp().sum());
    double loss = lse - target;
    // With s = 0 the uniform part is skipped: a -inf logit off the label
    // makes it +inf, and 0 * inf is NaN.
    if (smoothing > 0) loss = (1 - smoothing) * loss + smoothing * (lse - row.mean());
    total += loss;
  }
  return total / static_cast<double>(n);
}

}  // namespace reference
