// Plain float loops over the band lo..i of each row, lo = max(0, i - window + 1)
// computed in 64 bits: scores, the band's maximum, exps, sum, weighted values.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <vector>

MatrixXf sliding_window_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v,
                                  int window) {
  if (window <= 0) throw std::invalid_argument("window must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), dk = q.cols(), dv = v.cols();
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, dv);
  std::vector<float> w(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index lo = std::max<Eigen::Index>(0, i - static_cast<Eigen::Index>(window) + 1);
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = lo; j <= i; ++j) {
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      w[j] = dot * scale;
      mx = std::max(mx, w[j]);
    }
    float sum = 0;
    for (Eigen::Index j = lo; j <= i; ++j) {
      w[j] = std::exp(w[j] - mx);
      sum += w[j];
    }
    for (Eigen::Index j = lo; j <= i; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}
