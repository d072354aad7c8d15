// One query row at a time: stream over the key blocks with the online softmax,
// keeping only this row's running max, running sum, a d_v accumulator and one
// block of scores (O(block_size + d_v) memory beyond the output). Each block's
// scores are one matrix-vector product K_block q_i, and the weighted values
// one more, V_block^T p.
// expect: accepted
#include "exercise.h"

#include <algorithm>

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                const Eigen::MatrixXf& v, int block_size) {
  if (block_size <= 0) throw std::invalid_argument("block_size must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  if (m == 0) return out;
  Eigen::VectorXf qi(dk), scores(std::min<Eigen::Index>(block_size, m)), acc(dv);
  for (Eigen::Index i = 0; i < n; ++i) {
    qi = q.row(i).transpose() * scale;
    float run_max = -std::numeric_limits<float>::infinity();
    float run_sum = 0.0f;
    acc.setZero();
    for (Eigen::Index j0 = 0; j0 < m; j0 += block_size) {
      const Eigen::Index bm = std::min<Eigen::Index>(block_size, m - j0);
      auto s = scores.head(bm);
      s.noalias() = k.middleRows(j0, bm) * qi;
      const float new_max = std::max(run_max, s.maxCoeff());
      const float alpha = std::exp(run_max - new_max);
      s = (s.array() - new_max).exp().matrix();
      run_sum = alpha * run_sum + s.sum();
      acc *= alpha;
      acc.noalias() += v.middleRows(j0, bm).transpose() * s;
      run_max = new_max;
    }
    out.row(i) = (acc / run_sum).transpose();
  }
  return out;
}
