// Scales correctly but exponentiates the scores without subtracting the row
// maximum, trusting the 1 / sqrt(d_k) to keep them small. Scaled scores of
// +-1000 still overflow float32's exp (inf / inf = NaN) or underflow every
// term of a row.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  Eigen::ArrayXXf e = ((q * k.transpose()) * scale).array().exp();  // bug: no shift
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
