// Reference: encoder-decoder cross-attention, in double precision. Queries come
// from the decoder (Q = X_dec W_q), keys and values from the encoder
// (K = X_enc W_k, V = X_enc W_v); scores are scaled by 1 / sqrt(d_k).
#include "reference_blocks.h"

namespace reference {

Matrix cross_attention(const Matrix& x_dec, const Matrix& x_enc, const Matrix& w_q,
                       const Matrix& w_k, const Matrix& w_v) {
  using blocks::require;
  require(w_q.rows() == x_dec.cols(), "cross_attention: w_q needs one row per column of x_dec");
  require(w_k.rows() == x_enc.cols(), "cross_attention: w_k needs one row per column of x_enc");
  require(w_v.rows() == x_enc.cols(), "cross_attention: w_v needs one row per column of x_enc");
  require(w_q.cols() == w_k.cols(),
          "cross_attention: w_q and w_k need the same number of columns (d_k)");
  return blocks::attention(x_dec * w_q, x_enc * w_k, x_enc * w_v, blocks::inverse_sqrt(w_q.cols()));
}

}  // namespace reference
