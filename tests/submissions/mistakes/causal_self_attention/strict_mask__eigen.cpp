// The mistake of solutions/causal_self_attention/wrong/strict_mask.cpp, written as one full score matrix with its upper triangle filled with -inf through triangularView (diagonal included) instead of per-token loops over topRows().
// expect-mistake: strict_mask
#include "exercise.h"

Eigen::MatrixXf causal_self_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols())
    throw std::invalid_argument("causal_self_attention: every weight needs d_model rows");
  if (w_q.cols() != w_k.cols())
    throw std::invalid_argument("causal_self_attention: w_q and w_k need the same width");
  const float neg_inf = -std::numeric_limits<float>::infinity();
  const Eigen::MatrixXf queries = x * w_q, keys = x * w_k, values = x * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;

  Eigen::MatrixXf s = (queries * keys.transpose()) * scale;
  s.triangularView<Eigen::Upper>().setConstant(neg_inf);  // blocks j >= i

  Eigen::MatrixXf p = Eigen::MatrixXf::Zero(s.rows(), s.cols());
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    const float top = s.row(i).maxCoeff();
    if (top == neg_inf) continue;  // nothing visible: the row stays 0
    p.row(i) = (s.row(i).array() - top).exp().matrix();
    p.row(i) /= p.row(i).sum();
  }
  return p * values;
}
