// The mistake of solutions/dot_product_attention/wrong/output_width_dk.cpp, written with whole-matrix Eigen products and rowwise()/colwise() broadcasts instead of per-query loops.
// expect-mistake: output_width_dk
#include "exercise.h"

Eigen::MatrixXf dot_product_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("dot_product_attention: shapes do not fit");
  Eigen::MatrixXf result = Eigen::MatrixXf::Zero(q.rows(), q.cols());
  if (k.rows() == 0) return result;
  const Eigen::MatrixXf scores = q * k.transpose();
  const Eigen::VectorXf peak = scores.rowwise().maxCoeff();
  Eigen::ArrayXXf weights = (scores.colwise() - peak).array().exp();
  const Eigen::ArrayXf norm = weights.rowwise().sum();
  weights.colwise() /= norm;
  const Eigen::Index width = std::min(result.cols(), v.cols());
  result.leftCols(width) = weights.matrix() * v.leftCols(width);
  return result;
}
