// Plain float loops that skip blocked keys for the maximum, the exps and the
// weighted sum; a query with nothing kept keeps its zero row.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  const Eigen::Index n = q.rows(), m = k.rows(), d_k = q.cols(), d_v = v.cols();
  if (k.cols() != d_k || v.rows() != m || mask.rows() != n || mask.cols() != m)
    throw std::invalid_argument("shapes do not fit");
  const float root = d_k > 0 ? std::sqrt(static_cast<float>(d_k)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, d_v);
  std::vector<float> w(static_cast<size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      if (!mask(i, j)) continue;
      float s = 0.0f;
      for (Eigen::Index c = 0; c < d_k; ++c) s += q(i, c) * k(j, c);
      w[j] = s / root;
      if (w[j] > max) max = w[j];
    }
    if (max == -std::numeric_limits<float>::infinity()) continue;  // nothing kept
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < m; ++j)
      if (mask(i, j)) sum += (w[j] = std::exp(w[j] - max));
    for (Eigen::Index j = 0; j < m; ++j)
      if (mask(i, j))
        for (Eigen::Index c = 0; c < d_v; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}
