// The mistake of solutions/flash_attention/wrong/max_init_zero.cpp, written with the running statistics of a whole query tile updated at once by Eigen rowwise()/colwise() broadcasts and asDiagonal(), instead of a scalar loop over the tile's rows.
// expect-mistake: max_init_zero
#include "exercise.h"

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, int block_size) {
  if (block_size <= 0) throw std::invalid_argument("flash_attention: block_size must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("flash_attention: shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows(), dv = v.cols();
  const Eigen::Index tile = block_size;
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  if (m == 0) return out;
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;

  for (Eigen::Index r0 = 0; r0 < n; r0 += tile) {
    const Eigen::Index rows = std::min(tile, n - r0);
    const Eigen::MatrixXf q_tile = q.middleRows(r0, rows) * scale;
    Eigen::VectorXf mx = Eigen::VectorXf::Zero(rows);  // running max of each query row
    Eigen::VectorXf denom = Eigen::VectorXf::Zero(rows);
    Eigen::MatrixXf acc = Eigen::MatrixXf::Zero(rows, dv);
    for (Eigen::Index c0 = 0; c0 < m; c0 += tile) {
      const Eigen::Index cols = std::min(tile, m - c0);
      const Eigen::MatrixXf s = q_tile * k.middleRows(c0, cols).transpose();
      const Eigen::VectorXf new_mx = mx.cwiseMax(s.rowwise().maxCoeff());
      const Eigen::VectorXf alpha = (mx - new_mx).array().exp().matrix();
      const Eigen::MatrixXf p = (s.colwise() - new_mx).array().exp().matrix();
      denom = alpha.cwiseProduct(denom) + p.rowwise().sum();
      acc = alpha.asDiagonal() * acc;
      acc.noalias() += p * v.middleRows(c0, cols);
      mx = new_mx;
    }
    out.middleRows(r0, rows) = denom.cwiseInverse().asDiagonal() * acc;
  }
  return out;
}
