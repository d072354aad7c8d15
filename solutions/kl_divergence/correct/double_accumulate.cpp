// Float inputs, double arithmetic: every log-probability and product is formed
// in double, and the mean is rounded to float once.
// expect: accepted
#include "exercise.h"

#include <vector>

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  if (p_logits.rows() != q_logits.rows() || p_logits.cols() != q_logits.cols())
    throw std::invalid_argument("p and q must have the same shape");
  if (p_logits.rows() < 1) throw std::invalid_argument("need at least one row");
  const double inf = std::numeric_limits<double>::infinity();
  auto log_sum_exp = [&](const Eigen::ArrayXd& a) {
    const double m = a.maxCoeff();
    if (m == -inf) return -inf;
    double s = 0.0;
    for (Eigen::Index j = 0; j < a.size(); ++j) s += std::exp(a(j) - m);
    return m + std::log(s);
  };
  double total = 0.0;
  for (Eigen::Index i = 0; i < p_logits.rows() && p_logits.cols() > 0; ++i) {
    const Eigen::ArrayXd x = p_logits.row(i).transpose().cast<double>().array();
    const Eigen::ArrayXd y = q_logits.row(i).transpose().cast<double>().array();
    const double lse_p = log_sum_exp(x);
    if (lse_p == -inf) continue;
    const double lse_q = log_sum_exp(y);
    for (Eigen::Index j = 0; j < x.size(); ++j) {
      if (x(j) == -inf) continue;
      if (y(j) == -inf) {
        total = inf;
        break;
      }
      const double log_p = x(j) - lse_p;
      total += std::exp(log_p) * (log_p - (y(j) - lse_q));
    }
  }
  return static_cast<float>(total / static_cast<double>(p_logits.rows()));
}
