// Reference: softmax(q k^T / sqrt(d_k)) v, in double precision, d_k = q.cols().
// No keys (m = 0) gives zero rows; d_k = 0 leaves the (all zero) scores
// unscaled, so every query gets the mean of v's rows.
#include "reference_blocks.h"

namespace reference {

Matrix scaled_dot_product_attention(const Matrix& q, const Matrix& k, const Matrix& v) {
  return blocks::attention(q, k, v, blocks::inverse_sqrt(q.cols()));
}

}  // namespace reference
