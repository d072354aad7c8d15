// Reference: softmax(q k^T) v with no scaling, in double precision.
// q is n x d_k (one query per row), k is m x d_k, v is m x d_v; the result is
// n x d_v. No keys (m = 0) gives zero rows; d_k = 0 gives the mean of v's rows.
#include "reference_blocks.h"

namespace reference {

Matrix dot_product_attention(const Matrix& q, const Matrix& k, const Matrix& v) {
  return blocks::attention(q, k, v, /*scale=*/1.0);
}

}  // namespace reference
