// FlashAttention-style backward: never keeps P. For each query row it
// recomputes that row's scores and probabilities (an m-vector), forms
// dP_row = V dO_i and D_i = dO_i . O_i, and scatters the row's contributions
// into dQ, dK and dV. Memory beyond the gradients is O(m + d).
// expect: accepted
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                  const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k need the same width");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v need one row per key");
  if (d_out.rows() != q.rows() || d_out.cols() != v.cols())
    throw std::invalid_argument("d_out must be n x d_v");
  const Eigen::Index n = q.rows(), m = k.rows();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  AttentionGrads g{Eigen::MatrixXf::Zero(n, q.cols()), Eigen::MatrixXf::Zero(m, k.cols()),
                   Eigen::MatrixXf::Zero(m, v.cols())};
  if (m == 0) return g;
  Eigen::VectorXf p(m), ds(m);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::VectorXf qi = q.row(i).transpose();
    const Eigen::VectorXf doi = d_out.row(i).transpose();
    p.noalias() = (k * qi) * scale;
    p = (p.array() - p.maxCoeff()).exp().matrix();
    p /= p.sum();
    const Eigen::VectorXf oi = v.transpose() * p;
    const float d = doi.dot(oi);
    ds.noalias() = v * doi;  // dP for this row
    ds = (p.array() * (ds.array() - d)).matrix();
    g.d_q.row(i) = (k.transpose() * ds).transpose() * scale;
    g.d_k.noalias() += (ds * qi.transpose()) * scale;
    g.d_v.noalias() += p * doi.transpose();
  }
  return g;
}
