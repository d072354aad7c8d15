// Plain float loops over the visible keys j <= i of each row: scores with the
// bias -slope * (i - j), the row maximum, exps, sum, weighted sum of values.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf alibi_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float slope) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("alibi_attention: shapes do not fit");
  if (!std::isfinite(slope) || slope < 0)
    throw std::invalid_argument("alibi_attention: slope must be finite and >= 0");
  const Eigen::Index n = q.rows(), dk = q.cols(), dv = v.cols();
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, dv);
  std::vector<float> w(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j <= i; ++j) {
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      w[j] = dot * scale - slope * static_cast<float>(i - j);
      mx = std::max(mx, w[j]);
    }
    float sum = 0;
    for (Eigen::Index j = 0; j <= i; ++j) {
      w[j] = std::exp(w[j] - mx);
      sum += w[j];
    }
    for (Eigen::Index j = 0; j <= i; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}
