// Divides the scores by d_k instead of sqrt(d_k): the scores shrink too much
// and the weights come out too flat. Equal only when d_k = 1.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose();
  if (q.cols() > 0) s /= static_cast<float>(q.cols());  // bug: should be sqrt(d_k)
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
