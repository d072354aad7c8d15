// Reference: causal self-attention, in double precision. Q = X W_q, K = X W_k,
// V = X W_v; query i attends the keys j <= i with scores q_i . k_j / sqrt(d_k).
#include "reference_blocks.h"

namespace reference {

Matrix causal_self_attention(const Matrix& x, const Matrix& w_q, const Matrix& w_k,
                             const Matrix& w_v) {
  using blocks::require;
  require(w_q.rows() == x.cols(),
          "causal_self_attention: w_q needs one row per column of x (d_model)");
  require(w_k.rows() == x.cols(),
          "causal_self_attention: w_k needs one row per column of x (d_model)");
  require(w_v.rows() == x.cols(),
          "causal_self_attention: w_v needs one row per column of x (d_model)");
  require(w_q.cols() == w_k.cols(),
          "causal_self_attention: w_q and w_k need the same number of columns (d_k)");
  const Eigen::Index n = x.rows();
  Mask keep(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) keep(i, j) = j <= i;
  return blocks::attention(x * w_q, x * w_k, x * w_v, blocks::inverse_sqrt(w_q.cols()), &keep);
}

}  // namespace reference
