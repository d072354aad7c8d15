// Insists that x_dec and x_enc have the same width. They need not: the
// decoder and the encoder may have different d_model, and w_q (rows =
// x_dec.cols()) and w_k, w_v (rows = x_enc.cols()) bridge them. Valid inputs
// with different widths are refused.
// expect: wrong_answer basic
// mistake: Requires x_dec and x_enc to have the same width
// mistake.zh: 要求 x_dec 与 x_enc 的宽度相同
// explain: Valid inputs with d_dec != d_enc are refused with std::invalid_argument. The decoder and
// explain: the encoder may have different widths: w_q (d_dec rows) and w_k, w_v (d_enc rows) bring
// explain: both into the same d_k and d_v spaces. Check each weight against its own input only:
// explain: w_q.rows() == x_dec.cols(), w_k.rows() == w_v.rows() == x_enc.cols(),
// explain: w_q.cols() == w_k.cols().
// explain.zh: d_dec != d_enc 的合法输入被以 std::invalid_argument 拒绝。
// explain.zh: 解码器和编码器的宽度可以不同：w_q（d_dec 行）和 w_k、w_v（d_enc 行）
// explain.zh: 会把两边映射到同一个 d_k 和 d_v 空间。只需把每个权重与它自己的输入对照检查：
// explain.zh: w_q.rows() == x_dec.cols()，w_k.rows() == w_v.rows() == x_enc.cols()，
// explain.zh: w_q.cols() == w_k.cols()。
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (x_dec.cols() != x_enc.cols())  // bug: not required
    throw std::invalid_argument("cross_attention: x_dec and x_enc must have the same width");
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x_dec * w_q, k = x_enc * w_k, v = x_enc * w_v;
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
