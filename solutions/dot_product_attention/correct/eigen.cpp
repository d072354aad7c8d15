// Eigen expressions: the n x m score matrix, a row-wise max shift, exp, row
// sums, then weights * v. m = 0 returns zeros before maxCoeff() sees an empty
// row; d_k = 0 needs nothing special (q * k^T is then all zeros).
// expect: accepted
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k need the same width");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v need the same number of rows");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose();
  s.colwise() -= s.rowwise().maxCoeff();
  s = s.array().exp().matrix();
  const Eigen::VectorXf sums = s.rowwise().sum();
  s = s.array().colwise() / sums.array();
  return s * v;
}
