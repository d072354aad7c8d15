// The mistake of solutions/masked_attention/wrong/mask_after_softmax.cpp, written as per-query scalar loops (std::vector of weights, double sums) instead of whole-matrix Eigen expressions and mask.select().
// expect-mistake: mask_after_softmax
#include "exercise.h"

Eigen::MatrixXf masked_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("masked_attention: q, k and v do not fit");
  if (mask.rows() != q.rows() || mask.cols() != k.rows())
    throw std::invalid_argument("masked_attention: the mask must be n x m");
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  const double scale = dk > 0 ? 1.0 / std::sqrt(static_cast<double>(dk)) : 1.0;
  std::vector<double> w(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    if (m == 0) break;
    double top = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      double s = 0.0;
      for (Eigen::Index c = 0; c < dk; ++c) s += static_cast<double>(q(i, c)) * k(j, c);
      w[static_cast<std::size_t>(j)] = s * scale;
      top = std::max(top, w[static_cast<std::size_t>(j)]);
    }
    double total = 0.0;
    for (Eigen::Index j = 0; j < m; ++j) {
      w[static_cast<std::size_t>(j)] = std::exp(w[static_cast<std::size_t>(j)] - top);
      total += w[static_cast<std::size_t>(j)];
    }
    for (Eigen::Index j = 0; j < m; ++j) {
      const double weight = w[static_cast<std::size_t>(j)] / total;
      if (!mask(i, j)) continue;  // blocked keys dropped once the weights are normalized
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += static_cast<float>(weight * v(j, c));
    }
  }
  return out;
}
