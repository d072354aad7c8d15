// The textbook softmax without subtracting the row maximum: a score above
// about 88 makes exp overflow float32 to inf, and inf / inf is NaN.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x_dec * w_q, k = x_enc * w_k, v = x_enc * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  if (k.rows() == 0) return out;
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    Eigen::ArrayXf e = ((k * q.row(i).transpose()) * scale).array().exp();  // bug: no shift
    out.row(i) = (e / e.sum()).matrix().transpose() * v;
  }
  return out;
}
