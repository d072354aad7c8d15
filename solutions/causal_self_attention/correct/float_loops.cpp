// Plain float loops over the prefix j <= i of each row: scores, max, exps,
// sum, weighted sum of the value rows.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  const Eigen::Index n = x.rows(), d = x.cols(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_k.cols() != dk)
    throw std::invalid_argument("causal_self_attention: bad weight shapes");
  MatrixXf q(n, dk), k(n, dk), v(n, dv);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index c = 0; c < dk; ++c) {
      float a = 0, b = 0;
      for (Eigen::Index t = 0; t < d; ++t) {
        a += x(i, t) * w_q(t, c);
        b += x(i, t) * w_k(t, c);
      }
      q(i, c) = a;
      k(i, c) = b;
    }
    for (Eigen::Index c = 0; c < dv; ++c) {
      float a = 0;
      for (Eigen::Index t = 0; t < d; ++t) a += x(i, t) * w_v(t, c);
      v(i, c) = a;
    }
  }
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, dv);
  std::vector<float> w(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    float m = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j <= i; ++j) {
      float s = 0;
      for (Eigen::Index c = 0; c < dk; ++c) s += q(i, c) * k(j, c);
      w[j] = s * scale;
      m = std::max(m, w[j]);
    }
    float sum = 0;
    for (Eigen::Index j = 0; j <= i; ++j) {
      w[j] = std::exp(w[j] - m);
      sum += w[j];
    }
    for (Eigen::Index j = 0; j <= i; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}
