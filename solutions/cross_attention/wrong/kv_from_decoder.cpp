// Takes the keys and values from the decoder instead of the encoder: this is
// decoder self-attention, and x_enc is never read. (Where the two widths
// differ, x_dec * w_k does not even have matching inner dimensions.)
// expect: wrong_answer basic
// mistake: Keys and values taken from the decoder instead of the encoder
// mistake.zh: 键和值取自解码器而不是编码器
// explain: K = x_dec * w_k and V = x_dec * w_v turn this into decoder self-attention: x_enc is
// explain: never read (and when d_dec != d_enc these products do not even fit). In cross-attention
// explain: only the queries come from the decoder: Q = x_dec * w_q, while K = x_enc * w_k and
// explain: V = x_enc * w_v.
// explain.zh: K = x_dec * w_k、V = x_dec * w_v 把它变成了解码器自注意力：x_enc 根本没有被读取
// explain.zh: （而且 d_dec != d_enc 时这两个乘积的形状都对不上）。交叉注意力中只有查询来自解码器：
// explain.zh: Q = x_dec * w_q，而 K = x_enc * w_k，V = x_enc * w_v。
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
