// Everything in double (scores, exps, sums and the weighted rows of v),
// rounded to float once at the end.
// expect: accepted
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("scaled_dot_product_attention: inner dimensions differ");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const double scale = q.cols() > 0 ? 1.0 / std::sqrt(static_cast<double>(q.cols())) : 1.0;
  Eigen::MatrixXd s = (q.cast<double>() * k.cast<double>().transpose()) * scale;
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    s.row(i).array() = (s.row(i).array() - s.row(i).maxCoeff()).exp();
    s.row(i) /= s.row(i).sum();
  }
  return (s * v.cast<double>()).cast<float>();
}
