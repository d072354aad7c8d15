// The mistake of solutions/cross_attention/wrong/no_scaling.cpp, written with scalar loops over a std::vector of scores and double sums instead of Eigen matrix-vector products.
// expect-mistake: no_scaling
#include "exercise.h"

Eigen::MatrixXf cross_attention(const Eigen::MatrixXf& x_dec, const Eigen::MatrixXf& x_enc, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols()) throw std::invalid_argument("w_q must have d_dec rows");
  if (w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols())
    throw std::invalid_argument("w_k and w_v must have d_enc rows");
  if (w_q.cols() != w_k.cols()) throw std::invalid_argument("w_q and w_k must have the same width");
  const Eigen::MatrixXf Q = x_dec * w_q, K = x_enc * w_k, V = x_enc * w_v;
  const Eigen::Index n = Q.rows(), m = K.rows(), d_k = Q.cols(), d_v = V.cols();
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, d_v);
  if (m == 0) return out;
  std::vector<double> p(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    double top = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      double s = 0.0;
      for (Eigen::Index c = 0; c < d_k; ++c) s += static_cast<double>(Q(i, c)) * K(j, c);
      p[static_cast<std::size_t>(j)] = s;
      if (s > top) top = s;
    }
    double total = 0.0;
    for (Eigen::Index j = 0; j < m; ++j) {
      p[static_cast<std::size_t>(j)] = std::exp(p[static_cast<std::size_t>(j)] - top);
      total += p[static_cast<std::size_t>(j)];
    }
    for (Eigen::Index c = 0; c < d_v; ++c) {
      double acc = 0.0;
      for (Eigen::Index j = 0; j < m; ++j) acc += p[static_cast<std::size_t>(j)] * V(j, c);
      out(i, c) = static_cast<float>(acc / total);
    }
  }
  return out;
}
