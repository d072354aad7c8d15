// Starts each row's running max at 0 instead of -inf. While some score is above
// -80 that is only a looser shift, but on a row whose scores are all far below
// zero (around -1000) every exp(score - 0) underflows: the running sum becomes
// 0 and the row 0/0 = NaN (or, with Eigen's vectorised exp, the same tiny value
// everywhere, so a uniform average). Start the max at -inf and let the first
// block set it.
// expect: wrong_answer stability
// mistake: Running max initialised to 0 instead of -inf
// mistake.zh: 当前最大值的初值设为 0 而不是 -inf
// explain: While some score is above about -80, starting the running max at 0 is only a looser
// explain: shift, but on a row whose scores are all near -1000 the max stays 0 and every
// explain: exp(score - 0) underflows to 0: the sum is 0 and the row is 0 / 0 = NaN (or a uniform
// explain: average). Start the max at -inf and let the first block set it;
// explain: alpha = exp(-inf - new_max) is then 0 on the first block.
// explain.zh: 只要有分数高于约 -80，把当前最大值初始化为 0 只是平移得宽松一些；
// explain.zh: 但在分数都接近 -1000 的行上，最大值一直是 0，每个 exp(score - 0) 都下溢为 0：
// explain.zh: sum 为 0，该行变成 0 / 0 = NaN（或均匀平均）。最大值的初值应为 -inf，由第一块来设定；
// explain.zh: 这样第一块的 alpha = exp(-inf - new_max) = 0。
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
    Eigen::VectorXf row_max = Eigen::VectorXf::Zero(bn);  // the trap: should be -inf
    Eigen::VectorXf row_sum = Eigen::VectorXf::Zero(bn);
    Eigen::MatrixXf acc = Eigen::MatrixXf::Zero(bn, dv);
    for (Eigen::Index j0 = 0; j0 < m; j0 += b) {
      const Eigen::Index bm = std::min(b, m - j0);
      Eigen::MatrixXf s = (q.middleRows(i0, bn) * k.middleRows(j0, bm).transpose()) * scale;
      for (Eigen::Index r = 0; r < bn; ++r) {
        const float new_max = std::max(row_max(r), s.row(r).maxCoeff());
        const float alpha = std::exp(row_max(r) - new_max);
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
