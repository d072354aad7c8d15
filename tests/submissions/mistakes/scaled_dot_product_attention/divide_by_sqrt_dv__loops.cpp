// The mistake of solutions/scaled_dot_product_attention/wrong/divide_by_sqrt_dv.cpp, written as per-query loops with double dot products and a std::vector of weights instead of whole-matrix Eigen expressions.
// expect-mistake: divide_by_sqrt_dv
#include "exercise.h"

Eigen::MatrixXf scaled_dot_product_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("scaled_dot_product_attention: shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows(), width = q.cols(), out_width = v.cols();
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, out_width);
  if (m == 0) return out;
  const double scale = out_width > 0 ? 1.0 / std::sqrt(static_cast<double>(out_width)) : 1.0;
  std::vector<double> w(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    double best = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      double dot = 0.0;
      for (Eigen::Index c = 0; c < width; ++c)
        dot += static_cast<double>(q(i, c)) * static_cast<double>(k(j, c));
      w[static_cast<std::size_t>(j)] = dot * scale;
      best = std::max(best, w[static_cast<std::size_t>(j)]);
    }
    double total = 0.0;
    for (Eigen::Index j = 0; j < m; ++j) {
      w[static_cast<std::size_t>(j)] = std::exp(w[static_cast<std::size_t>(j)] - best);
      total += w[static_cast<std::size_t>(j)];
    }
    for (Eigen::Index c = 0; c < out_width; ++c) {
      double acc = 0.0;
      for (Eigen::Index j = 0; j < m; ++j) acc += w[static_cast<std::size_t>(j)] * v(j, c);
      out(i, c) = static_cast<float>(acc / total);
    }
  }
  return out;
}
