// Accumulates sum_j exp(score_j - max) * v_j over the blocks but returns it
// without the final division by the running sum: the weights do not add up to
// 1. The output row is acc / sum, once, after the last block.
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Final division by the running sum missing
// mistake.zh: 最后漏掉了除以累积和
// explain: The accumulator holds sum_j exp(s_j - max) * v_j; returned as it is, its weights do not
// explain: add up to 1, so the output is off by the factor sum_j exp(s_j - max). Keep a running sum
// explain: next to acc (rescaled by the same alpha) and return acc / sum once, after the last key
// explain: block.
// explain.zh: 累加器保存的是 sum_j exp(s_j - max) * v_j；直接返回时权重之和不为 1，
// explain.zh: 输出差了 sum_j exp(s_j - max) 这个因子。应在 acc 之外同时维护累积和
// explain.zh: （用同一个 alpha 重缩放），在最后一个 key 块之后一次性返回 acc / sum。
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
    Eigen::MatrixXf acc = Eigen::MatrixXf::Zero(bn, dv);
    for (Eigen::Index j0 = 0; j0 < m; j0 += b) {
      const Eigen::Index bm = std::min(b, m - j0);
      Eigen::MatrixXf s = (q.middleRows(i0, bn) * k.middleRows(j0, bm).transpose()) * scale;
      for (Eigen::Index r = 0; r < bn; ++r) {
        const float new_max = std::max(row_max(r), s.row(r).maxCoeff());
        acc.row(r) *= std::exp(row_max(r) - new_max);
        s.row(r) = (s.row(r).array() - new_max).exp().matrix();
        row_max(r) = new_max;
      }
      acc.noalias() += s * v.middleRows(j0, bm);
    }
    out.middleRows(i0, bn) = acc;  // the trap: no division by the running sum
  }
  return out;
}
