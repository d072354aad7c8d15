// The mistake of solutions/attention_backward/wrong/rowsum_over_columns.cpp, written with explicit index loops and double accumulators for every product (P, dP, D, dS, dQ, dK, dV) instead of Eigen matrix expressions.
// expect-mistake: rowsum_over_columns
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  if (q.cols() != k.cols()) throw std::invalid_argument("attention_backward: q and k widths differ");
  if (k.rows() != v.rows()) throw std::invalid_argument("attention_backward: k and v rows differ");
  if (d_out.rows() != q.rows() || d_out.cols() != v.cols())
    throw std::invalid_argument("attention_backward: d_out must be n x d_v");
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  const double scale = dk > 0 ? 1.0 / std::sqrt(static_cast<double>(dk)) : 1.0;

  // P, recomputed with each row's maximum subtracted.
  Eigen::MatrixXd P = Eigen::MatrixXd::Zero(n, m);
  for (Eigen::Index i = 0; i < n; ++i) {
    double top = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      double s = 0.0;
      for (Eigen::Index c = 0; c < dk; ++c) s += static_cast<double>(q(i, c)) * k(j, c);
      P(i, j) = s * scale;
      top = std::max(top, P(i, j));
    }
    double total = 0.0;
    for (Eigen::Index j = 0; j < m; ++j) total += (P(i, j) = std::exp(P(i, j) - top));
    for (Eigen::Index j = 0; j < m; ++j) P(i, j) /= total;
  }
  // dP = dO V^T.
  Eigen::MatrixXd dP(n, m);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < m; ++j) {
      double s = 0.0;
      for (Eigen::Index c = 0; c < dv; ++c) s += static_cast<double>(d_out(i, c)) * v(j, c);
      dP(i, j) = s;
    }
  // D, one number per key.
  std::vector<double> D(static_cast<std::size_t>(m), 0.0);
  for (Eigen::Index j = 0; j < m; ++j)
    for (Eigen::Index i = 0; i < n; ++i) D[static_cast<std::size_t>(j)] += dP(i, j) * P(i, j);
  Eigen::MatrixXd dS(n, m);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < m; ++j)
      dS(i, j) = P(i, j) * (dP(i, j) - D[static_cast<std::size_t>(j)]);

  AttentionGrads g;
  g.d_q = Eigen::MatrixXf::Zero(n, dk);
  g.d_k = Eigen::MatrixXf::Zero(m, dk);
  g.d_v = Eigen::MatrixXf::Zero(m, dv);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index c = 0; c < dk; ++c) {
      double s = 0.0;
      for (Eigen::Index j = 0; j < m; ++j) s += dS(i, j) * k(j, c);
      g.d_q(i, c) = static_cast<float>(s * scale);
    }
  for (Eigen::Index j = 0; j < m; ++j) {
    for (Eigen::Index c = 0; c < dk; ++c) {
      double s = 0.0;
      for (Eigen::Index i = 0; i < n; ++i) s += dS(i, j) * q(i, c);
      g.d_k(j, c) = static_cast<float>(s * scale);
    }
    for (Eigen::Index c = 0; c < dv; ++c) {
      double s = 0.0;
      for (Eigen::Index i = 0; i < n; ++i) s += P(i, j) * d_out(i, c);
      g.d_v(j, c) = static_cast<float>(s);
    }
  }
  return g;
}
