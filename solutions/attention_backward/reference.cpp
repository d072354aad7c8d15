// Reference: gradients of O = softmax(S) V with S = Q K^T / sqrt(d_k), no mask,
// in double precision, given dO = dL/dO:
//   P  = softmax_rows(S)                  (recomputed from q and k)
//   dV = P^T dO                           (m x d_v)
//   dP = dO V^T                           (n x m)
//   dS = P * (dP - rowsum(dP * P))        (the softmax backward, row by row)
//   dQ = dS K / sqrt(d_k),  dK = dS^T Q / sqrt(d_k)
#include "reference_blocks.h"

namespace reference {

AttentionGrads attention_backward(const Matrix& q, const Matrix& k, const Matrix& v,
                                  const Matrix& d_out) {
  blocks::require(q.cols() == k.cols(),
                  "attention_backward: q and k must have the same width (d_k)");
  blocks::require(k.rows() == v.rows(), "attention_backward: k and v need one row per key");
  blocks::require(d_out.rows() == q.rows() && d_out.cols() == v.cols(),
                  "attention_backward: d_out must be n x d_v, the shape of the output");
  const double scale = blocks::inverse_sqrt(q.cols());
  const Matrix p = blocks::safe_softmax_rows((q * k.transpose()) * scale);
  const Matrix dp = d_out * v.transpose();
  const Vector row_dot = p.cwiseProduct(dp).rowwise().sum();
  const Matrix ds = (p.array() * (dp.colwise() - row_dot).array()).matrix();
  AttentionGrads g;
  // With m = 0 the products below have an empty inner dimension: Eigen gives
  // zeros for d_q (n x d_k) and empty d_k (0 x d_k), d_v (0 x d_v).
  g.d_q = Matrix::Zero(q.rows(), q.cols());
  if (k.rows() > 0) g.d_q = (ds * k) * scale;
  g.d_k = (ds.transpose() * q) * scale;
  g.d_v = p.transpose() * d_out;
  return g;
}

}  // namespace reference
