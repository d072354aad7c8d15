// Reference: multi-head self-attention (no mask), in double precision.
// Q = X W_q, K = X W_k, V = X W_v; head h attends with the contiguous columns
// [h * d_h, (h + 1) * d_h) of Q, K and V, scaled by 1 / sqrt(d_h) where
// d_h = d_model / num_heads; the heads are concatenated in order and
// multiplied by W_o. Every weight must be d_model x d_model.
#include "reference_blocks.h"

namespace reference {

Matrix multi_head_attention(const Matrix& x, const Matrix& w_q, const Matrix& w_k,
                            const Matrix& w_v, const Matrix& w_o, int num_heads) {
  using blocks::require;
  const Eigen::Index d_model = x.cols();
  require(num_heads >= 1, "multi_head_attention: num_heads must be at least 1");
  require(d_model % num_heads == 0, "multi_head_attention: num_heads must divide d_model");
  for (const Matrix* w : {&w_q, &w_k, &w_v, &w_o})
    require(w->rows() == d_model && w->cols() == d_model,
            "multi_head_attention: every weight must be d_model x d_model (x has d_model columns)");
  return blocks::multi_head(x * w_q, x * w_k, x * w_v, w_o, num_heads, num_heads);
}

}  // namespace reference
