// Reads the sequence length for the scale: divides by sqrt(q.rows()) = sqrt(n),
// mixing up the [n, d] layout's two axes. The scale belongs to the length of
// the dot products, d_k = q.cols().
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  if (q.rows() == 0) return MatrixXf(0, v.cols());
  MatrixXf s = q * k.transpose();
  s /= std::sqrt(static_cast<float>(q.rows()));  // bug: sqrt(n), not sqrt(d_k)
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
