// Explicit float loops over every index, with the textbook D = rowsum(dP * P)
// and the gradients accumulated entry by entry.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <vector>

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                  const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  if (k.cols() != dk || v.rows() != m || d_out.rows() != n || d_out.cols() != dv)
    throw std::invalid_argument("shapes do not fit");
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  AttentionGrads g{Eigen::MatrixXf::Zero(n, dk), Eigen::MatrixXf::Zero(m, dk),
                   Eigen::MatrixXf::Zero(m, dv)};
  std::vector<float> p(static_cast<std::size_t>(m)), dp(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    if (m == 0) break;
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      float s = 0.0f;
      for (Eigen::Index c = 0; c < dk; ++c) s += q(i, c) * k(j, c);
      p[j] = s * scale;
      max = std::max(max, p[j]);
    }
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < m; ++j) {
      p[j] = std::exp(p[j] - max);
      sum += p[j];
    }
    for (Eigen::Index j = 0; j < m; ++j) p[j] /= sum;
    float dot = 0.0f;  // rowsum(dP * P)
    for (Eigen::Index j = 0; j < m; ++j) {
      float s = 0.0f;
      for (Eigen::Index c = 0; c < dv; ++c) s += d_out(i, c) * v(j, c);
      dp[j] = s;
      dot += s * p[j];
    }
    for (Eigen::Index j = 0; j < m; ++j) {
      const float ds = p[j] * (dp[j] - dot);
      for (Eigen::Index c = 0; c < dk; ++c) {
        g.d_q(i, c) += ds * k(j, c) * scale;
        g.d_k(j, c) += ds * q(i, c) * scale;
      }
      for (Eigen::Index c = 0; c < dv; ++c) g.d_v(j, c) += p[j] * d_out(i, c);
    }
  }
  return g;
}
