// The textbook formula exp(s) / sum(exp(s)) with no max shift. Scores above
// about 88.7 overflow float32's exp to inf and the row becomes inf / inf = NaN;
// rows whose scores are all far below zero underflow to 0 / 0 (or, with Eigen's
// vectorised exp, to the same tiny value everywhere: a uniform row). The
// sample's second row already scores 167.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  Eigen::ArrayXXf e = (q * k.transpose()).array().exp();  // bug: no shift
  const Eigen::ArrayXf sums = e.rowwise().sum();
  e.colwise() /= sums;
  return e.matrix() * v;
}
