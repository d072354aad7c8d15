// Keeps the running sum right but forgets to rescale the output accumulator
// when a later block raises the running max: terms from earlier blocks stay
// weighted by exp(score - old_max) while the sum uses exp(score - new_max).
// Every time the max grows, multiply the accumulator (and the sum) by
// exp(old_max - new_max).
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Output accumulator not rescaled when the running max grows
// mistake.zh: 当前最大值变大时没有重缩放输出累加器
// explain: When a later block raises the running max, the sum is rescaled but the accumulator is
// explain: not: earlier terms stay weighted by exp(s - old_max) while the sum uses
// explain: exp(s - new_max), so the two are on different scales and the output is wrong. Each time
// explain: the max grows, multiply both the accumulator and the sum by
// explain: alpha = exp(old_max - new_max) before adding the block's terms.
// explain.zh: 后面的块提高了当前最大值时，sum 被重缩放了，累加器却没有：
// explain.zh: 之前的项仍按 exp(s - old_max) 加权，而 sum 用的是 exp(s - new_max)，两者尺度不同，
// explain.zh: 输出就错了。每当最大值变大，在加入这一块的项之前，
// explain.zh: 要把累加器和 sum 都乘以 alpha = exp(old_max - new_max)。
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
    Eigen::VectorXf row_max =
        Eigen::VectorXf::Constant(bn, -std::numeric_limits<float>::infinity());
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
        // the trap: acc.row(r) *= alpha is missing
        row_max(r) = new_max;
      }
      acc.noalias() += s * v.middleRows(j0, bm);
    }
    out.middleRows(i0, bn) = (acc.array().colwise() / row_sum.array()).matrix();
  }
  return out;
}
