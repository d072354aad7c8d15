// Plain float loops, one query at a time; each score is divided by
// sqrt(d_k) as it is computed (d_k = 0 leaves the zero scores alone).
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  const Eigen::Index n = q.rows(), m = k.rows(), d_k = q.cols(), d_v = v.cols();
  if (k.cols() != d_k || v.rows() != m) throw std::invalid_argument("shapes do not fit");
  const float root = d_k > 0 ? std::sqrt(static_cast<float>(d_k)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, d_v);
  std::vector<float> w(static_cast<size_t>(m));
  for (Eigen::Index i = 0; i < n && m > 0; ++i) {
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      float s = 0.0f;
      for (Eigen::Index c = 0; c < d_k; ++c) s += q(i, c) * k(j, c);
      w[j] = s / root;
      if (w[j] > max) max = w[j];
    }
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < m; ++j) sum += (w[j] = std::exp(w[j] - max));
    for (Eigen::Index c = 0; c < d_v; ++c) {
      float acc = 0.0f;
      for (Eigen::Index j = 0; j < m; ++j) acc += w[j] * v(j, c);
      out(i, c) = acc / sum;
    }
  }
  return out;
}
