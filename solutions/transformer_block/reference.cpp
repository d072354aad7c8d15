// Reference: the post-LN attention sub-layer of the original Transformer, in
// double precision: LayerNorm(X + MultiHead(X)). MultiHead is the
// multi_head_attention problem (contiguous heads, scaled by 1 / sqrt(d_h), all
// weights d_model x d_model); LayerNorm uses the biased variance, eps inside
// the square root, then gamma and beta.
#include "reference_blocks.h"

namespace reference {

Matrix transformer_block(const Matrix& x, const Matrix& w_q, const Matrix& w_k,
                         const Matrix& w_v, const Matrix& w_o, const Vector& gamma,
                         const Vector& beta, int num_heads, double eps) {
  using blocks::require;
  const Eigen::Index d_model = x.cols();
  require(eps >= 0, "transformer_block: eps must be >= 0 (and not NaN)");
  require(num_heads >= 1, "transformer_block: num_heads must be at least 1");
  require(d_model % num_heads == 0, "transformer_block: num_heads must divide d_model");
  for (const Matrix* w : {&w_q, &w_k, &w_v, &w_o})
    require(w->rows() == d_model && w->cols() == d_model,
            "transformer_block: every weight must be d_model x d_model");
  const Matrix attended = blocks::multi_head(x * w_q, x * w_k, x * w_v, w_o, num_heads, num_heads);
  return blocks::layer_norm(x + attended, gamma, beta, eps);
}

}  // namespace reference
