// Takes "d" from v's width: divides by sqrt(v.cols()) = sqrt(d_v). Right
// whenever d_v == d_k, as in most self-attention layers, wrong when they
// differ (the sample has d_k = 4, d_v = 2).
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose();
  if (v.cols() > 0) s /= std::sqrt(static_cast<float>(v.cols()));  // bug: d_v, not d_k
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
