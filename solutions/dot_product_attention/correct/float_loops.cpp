// Plain float loops, one query at a time: scores, their maximum, exp and sum,
// then the weighted sum of the value rows.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  const Eigen::Index n = q.rows(), m = k.rows(), d_k = q.cols(), d_v = v.cols();
  if (k.cols() != d_k || v.rows() != m) throw std::invalid_argument("shapes do not fit");
  MatrixXf out = MatrixXf::Zero(n, d_v);
  std::vector<float> w(static_cast<size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    if (m == 0) break;
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      float s = 0.0f;
      for (Eigen::Index c = 0; c < d_k; ++c) s += q(i, c) * k(j, c);
      w[j] = s;
      if (s > max) max = s;
    }
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < m; ++j) {
      w[j] = std::exp(w[j] - max);
      sum += w[j];
    }
    for (Eigen::Index j = 0; j < m; ++j)
      for (Eigen::Index c = 0; c < d_v; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}
