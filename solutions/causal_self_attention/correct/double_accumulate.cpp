// Converts to double, computes there (scores divided by sqrt(d_k) afterwards),
// and rounds the result back to float once.
// expect: accepted
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("shape mismatch");
  const Eigen::MatrixXd xd = x.cast<double>();
  const Eigen::MatrixXd q = xd * w_q.cast<double>(), k = xd * w_k.cast<double>(),
                        v = xd * w_v.cast<double>();
  const double root = std::sqrt(static_cast<double>(w_q.cols()));
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(x.rows(), w_v.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    Eigen::VectorXd s = k.topRows(i + 1) * q.row(i).transpose();
    if (root > 0) s /= root;
    const Eigen::ArrayXd e = (s.array() - s.maxCoeff()).exp();
    out.row(i) = (e / e.sum()).matrix().transpose() * v.topRows(i + 1);
  }
  return out.cast<float>();
}
