// The textbook FlashAttention loop with Eigen blocks: query blocks of
// block_size rows, key/value blocks of block_size rows, one block x block score
// tile at a time, a running max and sum per query row, and the accumulator
// rescaled by exp(old_max - new_max) whenever the max grows.
// expect: accepted
#include "exercise.h"

#include <algorithm>

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                const Eigen::MatrixXf& v, int block_size) {
  if (block_size <= 0) throw std::invalid_argument("block_size must be positive");
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k need the same width");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v need the same number of rows");
  const Eigen::Index n = q.rows(), m = k.rows(), dv = v.cols();
  const Eigen::Index b = block_size;
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  const float inf = std::numeric_limits<float>::infinity();
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  if (m == 0) return out;  // no keys: zero rows
  for (Eigen::Index i0 = 0; i0 < n; i0 += b) {
    const Eigen::Index bn = std::min(b, n - i0);
    Eigen::VectorXf row_max = Eigen::VectorXf::Constant(bn, -inf);
    Eigen::VectorXf row_sum = Eigen::VectorXf::Zero(bn);
    Eigen::MatrixXf acc = Eigen::MatrixXf::Zero(bn, dv);
    for (Eigen::Index j0 = 0; j0 < m; j0 += b) {
      const Eigen::Index bm = std::min(b, m - j0);
      Eigen::MatrixXf s = (q.middleRows(i0, bn) * k.middleRows(j0, bm).transpose()) * scale;
      for (Eigen::Index r = 0; r < bn; ++r) {
        const float new_max = std::max(row_max(r), s.row(r).maxCoeff());
        const float alpha = std::exp(row_max(r) - new_max);  // 0 on the first block
        s.row(r) = (s.row(r).array() - new_max).exp().matrix();
        row_sum(r) = alpha * row_sum(r) + s.row(r).sum();
        acc.row(r) *= alpha;
        row_max(r) = new_max;
      }
      acc.noalias() += s * v.middleRows(j0, bm);
    }
    out.middleRows(i0, bn) = (acc.array().colwise() / row_sum.array()).matrix();
  }
  return out;
}
