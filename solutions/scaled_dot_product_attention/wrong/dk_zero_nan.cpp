// Correct for every d_k > 0, but divides by sqrt(d_k) unconditionally. With
// d_k = 0 the scores are 0 / sqrt(0) = 0 / 0 = NaN and every row is NaN
// instead of the mean of v.
// expect: wrong_answer edge
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose() / std::sqrt(static_cast<float>(q.cols()));  // bug when d_k = 0
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
