// Eigen expressions that scale q by 1 / sqrt(d_k) before the product (as many
// kernels do, to scale n x d_k numbers instead of n x m), then a row-wise
// max shift, exp, normalise, and weights * v.
// expect: accepted
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k need the same width");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v need the same number of rows");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf s = (q * scale) * k.transpose();
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
