// Reference: mean cross-entropy loss of row-wise logits against integer labels,
// in double precision: mean_i (logsumexp(x_i) - x_i[label_i]), which is
// mean_i -log softmax(x_i)[label_i] without ever taking log of a softmax.
#include "reference.h"

#include <string>

namespace reference {

double cross_entropy(const Matrix& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  const Eigen::Index d = logits.cols();
  if (n == 0) throw std::invalid_argument("cross_entropy: the mean of zero rows is undefined");
  if (static_cast<Eigen::Index>(labels.size()) != n)
    throw std::invalid_argument("cross_entropy: need one label per row of logits");
  for (int label : labels)
    if (label < 0 || label >= d)
      throw std::invalid_argument("cross_entropy: label " + std::to_string(label) +
                                  " is out of range [0, " + std::to_string(d) + ")");
  double total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double target = logits(i, labels[static_cast<std::size_t>(i)]);
    // Probability 0 on the label: the loss is +inf (this also covers a row of
    // all -inf, where logsumexp - target would be -inf - -inf = NaN).
    if (target == -kInf) {
      total += kInf;
      continue;
    }
    const double max = logits.row(i).maxCoeff();  // >= target > -inf
    const double lse = max + std::log((logits.row(i).array() - max).exp().sum());
    total += lse - target;
  }
  return total / static_cast<double>(n);
}

}  // namespace reference
