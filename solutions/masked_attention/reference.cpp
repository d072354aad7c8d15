// Reference: scaled dot-product attention with a boolean mask, in double
// precision. mask is n x m (true = query i may attend to key j); blocked scores
// take no part in the softmax, and a query with nothing kept gets a zero row.
// A mask of any other shape throws std::invalid_argument.
#include "reference_blocks.h"

namespace reference {

Matrix masked_attention(const Matrix& q, const Matrix& k, const Matrix& v, const Mask& mask) {
  return blocks::attention(q, k, v, blocks::inverse_sqrt(q.cols()), &mask);
}

}  // namespace reference
