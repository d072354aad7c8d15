// Exact without the online rescaling: a first sweep over the key tiles finds
// each query row's max score, a second sweep recomputes the tiles and sums
// exp(score - max) and exp(score - max) * v. Twice the score work, same memory.
// expect: accepted
#include "exercise.h"

#include <algorithm>

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                const Eigen::MatrixXf& v, int block_size) {
  if (block_size <= 0) throw std::invalid_argument("block_size must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows(), dv = v.cols(), b = block_size;
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  if (m == 0) return out;
  for (Eigen::Index i0 = 0; i0 < n; i0 += b) {
    const Eigen::Index bn = std::min(b, n - i0);
    const auto qb = q.middleRows(i0, bn);
    Eigen::ArrayXf row_max = Eigen::ArrayXf::Constant(bn, -std::numeric_limits<float>::infinity());
    for (Eigen::Index j0 = 0; j0 < m; j0 += b) {
      const Eigen::Index bm = std::min(b, m - j0);
      const Eigen::MatrixXf s = (qb * k.middleRows(j0, bm).transpose()) * scale;
      row_max = row_max.max(s.rowwise().maxCoeff().array());
    }
    Eigen::ArrayXf row_sum = Eigen::ArrayXf::Zero(bn);
    Eigen::MatrixXf acc = Eigen::MatrixXf::Zero(bn, dv);
    for (Eigen::Index j0 = 0; j0 < m; j0 += b) {
      const Eigen::Index bm = std::min(b, m - j0);
      Eigen::MatrixXf s = (qb * k.middleRows(j0, bm).transpose()) * scale;
      s = (s.array().colwise() - row_max).exp().matrix();
      row_sum += s.rowwise().sum().array();
      acc.noalias() += s * v.middleRows(j0, bm);
    }
    out.middleRows(i0, bn) = (acc.array().colwise() / row_sum).matrix();
  }
  return out;
}
