// Takes the keys and values from the decoder instead of the encoder: this is
// decoder self-attention, and x_enc is never read. (Where the two widths
// differ, x_dec * w_k does not even have matching inner dimensions.)
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  if (x_dec.cols() != x_enc.cols())
    throw std::invalid_argument("cross_attention: x_dec and x_enc must have the same width");
  const MatrixXf q = x_dec * w_q;
  const MatrixXf k = x_dec * w_k;  // bug: should be x_enc
  const MatrixXf v = x_dec * w_v;  // bug: should be x_enc
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf out(q.rows(), v.cols());
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    Eigen::VectorXf s = (k * q.row(i).transpose()) * scale;
    Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    out.row(i) = (e / e.sum()).matrix().transpose() * v;
  }
  return out;
}
