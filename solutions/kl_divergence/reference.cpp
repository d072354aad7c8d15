// Reference: mean over rows of KL(softmax(p_row) || softmax(q_row)), in double
// precision, from the log-softmax of both rows:
//   KL = sum_j p_j * (log p_j - log q_j),  log p_j = p_row[j] - lse(p_row).
// A class whose p logit is -inf has p_j = 0 and contributes 0 (whatever q
// says); a class with a finite p logit and a -inf q logit makes the row +inf.
#include "reference.h"

namespace reference {

namespace {

double log_sum_exp(const Eigen::ArrayXd& x) {
  const double m = x.maxCoeff();
  if (m == -kInf) return -kInf;
  return m + std::log((x - m).exp().sum());
}

}  // namespace

double kl_divergence(const Matrix& p_logits, const Matrix& q_logits) {
  if (p_logits.rows() != q_logits.rows() || p_logits.cols() != q_logits.cols())
    throw std::invalid_argument("kl_divergence: p_logits and q_logits must have the same shape");
  if (p_logits.rows() == 0)
    throw std::invalid_argument("kl_divergence: the mean of zero rows is undefined");
  const Eigen::Index n = p_logits.rows();
  const Eigen::Index d = p_logits.cols();
  double total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (d == 0) continue;  // no classes: KL = 0
    const Eigen::ArrayXd x = p_logits.row(i).transpose().array();
    const Eigen::ArrayXd y = q_logits.row(i).transpose().array();
    const double lse_p = log_sum_exp(x);
    if (lse_p == -kInf) continue;  // p is the zero row (all -inf): KL = 0
    const double lse_q = log_sum_exp(y);
    double kl = 0;
    for (Eigen::Index j = 0; j < d; ++j) {
      if (x(j) == -kInf) continue;  // p_j = 0: 0 * log(0 / q_j) counts as 0
      if (y(j) == -kInf) {          // p_j > 0 = q_j (also when q is all -inf)
        kl = kInf;
        break;
      }
      const double log_p = x(j) - lse_p;
      kl += std::exp(log_p) * (log_p - (y(j) - lse_q));
    }
    total += kl;
  }
  return total / static_cast<double>(n);
}

}  // namespace reference
