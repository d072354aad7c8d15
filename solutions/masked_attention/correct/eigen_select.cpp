// Eigen expressions: blocked scores become -inf with select, a row-wise max
// shift and exp, then select again so blocked weights are exact zeros (Eigen's
// vectorised exp(-inf) can return ~3e-39). Rows whose maximum is -inf (nothing
// kept) get a zero inverse sum, so their output is zero.
// expect: accepted
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("masked_attention: inner dimensions differ");
  if (mask.rows() != q.rows() || mask.cols() != k.rows())
    throw std::invalid_argument("masked_attention: the mask must be n x m");
  const Eigen::Index n = q.rows(), m = k.rows();
  if (m == 0) return MatrixXf::Zero(n, v.cols());
  const float inf = std::numeric_limits<float>::infinity();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  const Eigen::ArrayXXf s =
      mask.select((q * k.transpose()) * scale, MatrixXf::Constant(n, m, -inf)).array();
  const Eigen::ArrayXf max = s.rowwise().maxCoeff();
  const Eigen::ArrayXf safe_max = (max == -inf).select(0.0f, max);
  const Eigen::ArrayXXf e =
      mask.select((s.colwise() - safe_max).exp().matrix(), MatrixXf::Zero(n, m)).array();
  const Eigen::ArrayXf sum = e.rowwise().sum();
  const Eigen::ArrayXf inv = (sum > 0.0f).select(sum.inverse(), 0.0f);
  return (e.colwise() * inv).matrix() * v;
}
