// Reference: grouped-query self-attention (no mask), in double precision.
// h = num_heads query heads and g = num_kv_heads key/value heads, each d_h wide
// (d_h = w_q's columns / h). Query head i attends with key/value head
// i / (h / g): consecutive query heads share a key/value head. g = h is
// multi-head attention, g = 1 multi-query attention. The heads are concatenated
// in order and multiplied by W_o ([h * d_h, d_model]).
#include "reference_blocks.h"

namespace reference {

Matrix grouped_query_attention(const Matrix& x, const Matrix& w_q, const Matrix& w_k,
                               const Matrix& w_v, const Matrix& w_o, int num_heads,
                               int num_kv_heads) {
  using blocks::require;
  const Eigen::Index d_model = x.cols();
  require(num_heads >= 1 && num_kv_heads >= 1,
          "grouped_query_attention: num_heads and num_kv_heads must be at least 1");
  require(num_heads % num_kv_heads == 0,
          "grouped_query_attention: num_kv_heads must divide num_heads");
  require(w_q.rows() == d_model, "grouped_query_attention: w_q needs d_model rows");
  require(w_q.cols() % num_heads == 0,
          "grouped_query_attention: w_q needs num_heads * d_h columns");
  const Eigen::Index d_h = w_q.cols() / num_heads;
  for (const Matrix* w : {&w_k, &w_v})
    require(w->rows() == d_model && w->cols() == num_kv_heads * d_h,
            "grouped_query_attention: w_k and w_v must be d_model x (num_kv_heads * d_h)");
  require(w_o.rows() == num_heads * d_h && w_o.cols() == d_model,
          "grouped_query_attention: w_o must be (num_heads * d_h) x d_model");
  return blocks::multi_head(x * w_q, x * w_k, x * w_v, w_o, num_heads, num_kv_heads);
}

}  // namespace reference
