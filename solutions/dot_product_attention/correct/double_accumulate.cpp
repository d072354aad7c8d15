// Scores, exps and the weighted sums accumulated in double, rounded to float
// once at the end.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("dot_product_attention: inner dimensions differ");
  const Eigen::MatrixXd qd = q.cast<double>(), kd = k.cast<double>(), vd = v.cast<double>();
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(q.rows(), v.cols());
  std::vector<double> s(static_cast<size_t>(k.rows()));
  for (Eigen::Index i = 0; i < q.rows() && k.rows() > 0; ++i) {
    double max = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < k.rows(); ++j) {
      s[j] = qd.row(i).dot(kd.row(j));
      max = std::max(max, s[j]);
    }
    double sum = 0;
    for (Eigen::Index j = 0; j < k.rows(); ++j) sum += (s[j] = std::exp(s[j] - max));
    for (Eigen::Index j = 0; j < k.rows(); ++j) out.row(i) += (s[j] / sum) * vd.row(j);
  }
  return out.cast<float>();
}
