// The mistake of solutions/masked_attention/wrong/no_mask_shape_check.cpp, written with whole-matrix Eigen products and mask.select() filling -inf instead of per-query loops.
// expect-mistake: no_mask_shape_check
#include "exercise.h"

Eigen::MatrixXf masked_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("masked_attention: q, k and v do not fit");
  const Eigen::Index n = q.rows(), m = k.rows();
  if (m == 0) return Eigen::MatrixXf::Zero(n, v.cols());
  const float inf = std::numeric_limits<float>::infinity();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  const Eigen::MatrixXf raw = (q * k.transpose()) * scale;
  const Eigen::MatrixXf s = mask.select(raw, Eigen::MatrixXf::Constant(n, m, -inf));
  const Eigen::VectorXf top = s.rowwise().maxCoeff();
  Eigen::MatrixXf w = Eigen::MatrixXf::Zero(n, m);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (top(i) == -inf) continue;  // nothing kept: the row stays 0
    w.row(i) = (s.row(i).array() - top(i)).exp().matrix();
    w.row(i) /= w.row(i).sum();
  }
  return w * v;
}
