// Scales the scores by 1/sqrt(d_k) in the forward recomputation but forgets
// that factor in the chain rule: dQ = dS K and dK = dS^T Q instead of
// dS K / sqrt(d_k) and dS^T Q / sqrt(d_k). Off by sqrt(d_k) whenever d_k > 1.
// expect: wrong_answer sample
// expect: wrong_answer basic
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                  const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || d_out.rows() != q.rows() ||
      d_out.cols() != v.cols())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  AttentionGrads g;
  if (m == 0) {
    g.d_q = Eigen::MatrixXf::Zero(n, q.cols());
    g.d_k = Eigen::MatrixXf(0, k.cols());
    g.d_v = Eigen::MatrixXf(0, v.cols());
    return g;
  }
  Eigen::MatrixXf p = (q * k.transpose()) * scale;
  const Eigen::VectorXf row_max = p.rowwise().maxCoeff();
  p = (p.colwise() - row_max).array().exp().matrix();
  const Eigen::VectorXf row_sum = p.rowwise().sum();
  p = p.array().colwise() / row_sum.array();
  const Eigen::MatrixXf dp = d_out * v.transpose();
  const Eigen::VectorXf d = (p.array() * dp.array()).rowwise().sum();
  const Eigen::MatrixXf ds = (p.array() * (dp.colwise() - d).array()).matrix();
  g.d_q = ds * k;  // the trap: no 1 / sqrt(d_k)
  g.d_k = ds.transpose() * q;
  g.d_v = p.transpose() * d_out;
  return g;
}
