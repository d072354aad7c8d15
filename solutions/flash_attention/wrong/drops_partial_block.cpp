// Counts the key blocks as m / block_size (rounded down) instead of
// ceil(m / block_size): when block_size does not divide m the last, partial
// block of keys is never read, and when block_size > m no key is read at all
// (0 / 0). Loop while j0 < m and take min(block_size, m - j0) rows.
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Last partial key block dropped (m / block_size rounded down)
// mistake.zh: 丢掉了最后一个不完整的 key 块（m / block_size 向下取整）
// explain: Counting the key blocks as m / block_size skips the last, shorter block whenever
// explain: block_size does not divide m, and reads no key at all when block_size > m (0 / 0 = NaN):
// explain: the keys after the last full block never enter the softmax. Loop while j0 < m and give
// explain: each block min(block_size, m - j0) rows.
// explain.zh: 用 m / block_size 计算 key 块数，当 block_size 不能整除 m 时会跳过最后那个较短的块；
// explain.zh: block_size > m 时一个 key 都不读（0 / 0 = NaN）：
// explain.zh: 最后一个完整块之后的 key 根本没有进入 softmax。应在 j0 < m 时继续循环，
// explain.zh: 每块取 min(block_size, m - j0) 行。
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
  const Eigen::Index key_blocks = m / b;  // the trap: should round up
  for (Eigen::Index i0 = 0; i0 < n; i0 += b) {
    const Eigen::Index bn = std::min(b, n - i0);
    Eigen::VectorXf row_max =
        Eigen::VectorXf::Constant(bn, -std::numeric_limits<float>::infinity());
    Eigen::VectorXf row_sum = Eigen::VectorXf::Zero(bn);
    Eigen::MatrixXf acc = Eigen::MatrixXf::Zero(bn, dv);
    for (Eigen::Index block = 0; block < key_blocks; ++block) {
      const Eigen::Index j0 = block * b;
      Eigen::MatrixXf s = (q.middleRows(i0, bn) * k.middleRows(j0, b).transpose()) * scale;
      for (Eigen::Index r = 0; r < bn; ++r) {
        const float new_max = std::max(row_max(r), s.row(r).maxCoeff());
        const float alpha = std::exp(row_max(r) - new_max);
        s.row(r) = (s.row(r).array() - new_max).exp().matrix();
        row_sum(r) = alpha * row_sum(r) + s.row(r).sum();
        acc.row(r) *= alpha;
        row_max(r) = new_max;
      }
      acc.noalias() += s * v.middleRows(j0, b);
    }
    out.middleRows(i0, bn) = (acc.array().colwise() / row_sum.array()).matrix();
  }
  return out;
}
