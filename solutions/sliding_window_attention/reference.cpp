// Reference: causal scaled attention over a sliding window (Mistral), in double
// precision. Query i attends the keys j with i - window < j <= i: `window` keys,
// itself included.
#include "reference_blocks.h"

namespace reference {

Matrix sliding_window_attention(const Matrix& q, const Matrix& k, const Matrix& v, int window) {
  using blocks::require;
  require(window > 0, "sliding_window_attention: window must be positive");
  require(q.cols() == k.cols(), "sliding_window_attention: q and k need the same width (d_k)");
  require(k.rows() == v.rows(), "sliding_window_attention: k and v need one row per key");
  require(q.rows() == k.rows(), "sliding_window_attention: self-attention needs n == m");
  const Eigen::Index n = q.rows();
  const Eigen::Index w = window;
  Mask keep(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) keep(i, j) = j <= i && j > i - w;
  return blocks::attention(q, k, v, blocks::inverse_sqrt(q.cols()), &keep);
}

}  // namespace reference
