// Float inputs, double arithmetic: every -log p[j] = lse - x[j] is formed and
// summed in double, and the mean is rounded to float once.
// expect: accepted
#include "exercise.h"

float label_smoothing_cross_entropy(const MatrixXf& logits, const std::vector<int>& labels,
                                    float smoothing) {
  const Eigen::Index n = logits.rows();
  if (n < 1) throw std::invalid_argument("need at least one row");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels");
  if (!(smoothing >= 0.0f) || !(smoothing <= 1.0f)) throw std::invalid_argument("smoothing");
  const double s = smoothing;
  const double inf = std::numeric_limits<double>::infinity();
  double total = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int l = labels[static_cast<std::size_t>(i)];
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
    const Eigen::ArrayXd x = logits.row(i).transpose().cast<double>().array();
    const bool neg_inf = (x == -inf).any();
    if (x(l) == -inf || (s > 0.0 && neg_inf)) {
      total = inf;
      continue;
    }
    const double m = x.maxCoeff();
    double sum_exp = 0.0;
    for (Eigen::Index j = 0; j < x.size(); ++j) sum_exp += std::exp(x(j) - m);
    const double lse = m + std::log(sum_exp);
    double uniform = 0.0;
    if (s > 0.0)
      for (Eigen::Index j = 0; j < x.size(); ++j) uniform += lse - x(j);
    total += (1.0 - s) * (lse - x(l)) + s * uniform / static_cast<double>(x.size());
  }
  return static_cast<float>(total / static_cast<double>(n));
}
