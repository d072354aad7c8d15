// Eigen expressions: the log-softmax of both rows, then
// sum over the classes p has (finite p logit) of p * (log p - log q).
// expect: accepted
#include "exercise.h"

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  if (p_logits.rows() != q_logits.rows() || p_logits.cols() != q_logits.cols())
    throw std::invalid_argument("kl_divergence: shapes differ");
  if (p_logits.rows() == 0) throw std::invalid_argument("kl_divergence: no rows");
  const float inf = std::numeric_limits<float>::infinity();
  Eigen::VectorXf kl = Eigen::VectorXf::Zero(p_logits.rows());
  for (Eigen::Index i = 0; i < p_logits.rows(); ++i) {
    const Eigen::ArrayXf x = p_logits.row(i).transpose().array();
    const Eigen::ArrayXf y = q_logits.row(i).transpose().array();
    const Eigen::Array<bool, Eigen::Dynamic, 1> has_p = x > -inf;
    if (!has_p.any()) continue;  // p is the zero row (or there are no classes)
    if ((has_p && (y == -inf)).any()) {
      kl(i) = inf;
      continue;
    }
    const float mx = x.maxCoeff(), my = y.maxCoeff();
    const Eigen::ArrayXf log_p = (x - mx) - std::log((x - mx).exp().sum());
    const Eigen::ArrayXf log_q = (y - my) - std::log((y - my).exp().sum());
    kl(i) = has_p.select(log_p.exp() * (log_p - log_q), 0.0f).sum();
  }
  return kl.mean();
}
