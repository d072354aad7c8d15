// The mistake of solutions/flash_attention/wrong/no_rescale.cpp, written one query row at a time (a matrix-vector product per key block, a reused score buffer and a d_v accumulator vector) instead of block x block tiles of queries and keys.
// expect-mistake: no_rescale
#include "exercise.h"

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, int block_size) {
  if (block_size < 1) throw std::invalid_argument("flash_attention: block_size must be >= 1");
  if (q.cols() != k.cols()) throw std::invalid_argument("flash_attention: q and k widths differ");
  if (k.rows() != v.rows()) throw std::invalid_argument("flash_attention: k and v rows differ");
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  const Eigen::Index block = block_size;
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  if (m == 0) return out;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;

  Eigen::VectorXf buffer(std::min(block, m));
  Eigen::VectorXf acc(dv);
  Eigen::VectorXf query(dk);
  for (Eigen::Index i = 0; i < n; ++i) {
    query = q.row(i).transpose() * scale;
    float run_max = -std::numeric_limits<float>::infinity();
    float run_sum = 0.0f;
    acc.setZero();
    for (Eigen::Index start = 0; start < m; start += block) {
      const Eigen::Index len = std::min(block, m - start);
      auto s = buffer.head(len);
      s.noalias() = k.middleRows(start, len) * query;
      const float new_max = std::max(run_max, s.maxCoeff());
      const float alpha = std::exp(run_max - new_max);
      s = (s.array() - new_max).exp().matrix();
      run_sum = run_sum * alpha + s.sum();
      acc.noalias() += v.middleRows(start, len).transpose() * s;  // acc is never multiplied by alpha
      run_max = new_max;
    }
    out.row(i) = (acc / run_sum).transpose();
  }
  return out;
}
