// The mistake of solutions/dot_product_attention/wrong/softmax_over_queries.cpp, written with explicit loops over a flat std::vector of scores, normalizing each column of q k^T in place instead of building k q^T with Eigen.
// expect-mistake: softmax_over_queries
#include "exercise.h"

Eigen::MatrixXf dot_product_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v) {
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k need the same width");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v need the same number of rows");
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  if (n == 0 || m == 0) return out;

  std::vector<float> w(static_cast<std::size_t>(n * m));
  auto at = [&](Eigen::Index i, Eigen::Index j) -> float& {
    return w[static_cast<std::size_t>(i * m + j)];
  };
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < m; ++j) {
      float s = 0.0f;
      for (Eigen::Index c = 0; c < dk; ++c) s += q(i, c) * k(j, c);
      at(i, j) = s;
    }
  // Normalize the weights of each key j.
  for (Eigen::Index j = 0; j < m; ++j) {
    float top = -std::numeric_limits<float>::infinity();
    for (Eigen::Index i = 0; i < n; ++i) top = std::max(top, at(i, j));
    double total = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      at(i, j) = std::exp(at(i, j) - top);
      total += at(i, j);
    }
    for (Eigen::Index i = 0; i < n; ++i) at(i, j) = static_cast<float>(at(i, j) / total);
  }
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < m; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += at(i, j) * v(j, c);
  return out;
}
