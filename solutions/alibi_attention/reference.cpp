// Reference: causal scaled attention with the ALiBi bias (Press et al. 2022),
// in double precision. score(i, j) = q_i . k_j / sqrt(d_k) - slope * (i - j)
// for j <= i; keys j > i get no weight.
#include "reference_blocks.h"

namespace reference {

Matrix alibi_attention(const Matrix& q, const Matrix& k, const Matrix& v, double slope) {
  using blocks::require;
  require(q.cols() == k.cols(), "alibi_attention: q and k need the same width (d_k)");
  require(k.rows() == v.rows(), "alibi_attention: k and v need one row per key");
  require(q.rows() == k.rows(), "alibi_attention: self-attention needs n == m");
  require(std::isfinite(slope) && slope >= 0, "alibi_attention: slope must be finite and >= 0");
  const Eigen::Index n = q.rows();
  Matrix scores = (q * k.transpose()) * blocks::inverse_sqrt(q.cols());
  Mask keep(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      keep(i, j) = j <= i;
      if (j <= i) scores(i, j) -= slope * static_cast<double>(i - j);
    }
  return blocks::safe_softmax_rows(scores, &keep) * v;
}

}  // namespace reference
