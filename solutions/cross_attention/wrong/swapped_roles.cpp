// Swaps the roles: queries from the encoder, keys and values from the
// decoder. The result has one row per encoder token (m x d_v) instead of one
// per decoder token (n x d_v).
// expect: wrong_answer basic
// mistake: Decoder and encoder roles swapped (queries from the encoder)
// mistake.zh: 解码器与编码器的角色颠倒（查询取自编码器）
// explain: Queries are taken from the encoder and keys and values from the decoder, so the result
// explain: has one row per encoder token (m x d_v) instead of one per decoder token (n x d_v). The
// explain: decoder asks the questions: Q = x_dec * w_q, while K = x_enc * w_k and V = x_enc * w_v.
// explain.zh: 查询取自编码器，键和值取自解码器，所以结果是每个编码器 token 一行（m x d_v），
// explain.zh: 而不是每个解码器 token 一行（n x d_v）。提问的是解码器：Q = x_dec * w_q，
// explain.zh: 而 K = x_enc * w_k，V = x_enc * w_v。
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  if (x_dec.cols() != x_enc.cols())
    throw std::invalid_argument("cross_attention: x_dec and x_enc must have the same width");
  const MatrixXf q = x_enc * w_q;  // bug: roles swapped
  const MatrixXf k = x_dec * w_k;
  const MatrixXf v = x_dec * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  if (k.rows() == 0) return out;
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    Eigen::VectorXf s = (k * q.row(i).transpose()) * scale;
    Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    out.row(i) = (e / e.sum()).matrix().transpose() * v;
  }
  return out;
}
