// Computes everything in double from the float inputs and rounds once.
// expect: accepted
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("shape mismatch");
  const Eigen::MatrixXd q = x_dec.cast<double>() * w_q.cast<double>();
  const Eigen::MatrixXd k = x_enc.cast<double>() * w_k.cast<double>();
  const Eigen::MatrixXd v = x_enc.cast<double>() * w_v.cast<double>();
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(q.rows(), v.cols());
  if (k.rows() == 0) return out.cast<float>();
  const double scale = q.cols() > 0 ? 1.0 / std::sqrt(static_cast<double>(q.cols())) : 1.0;
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    const Eigen::VectorXd s = k * q.row(i).transpose() * scale;
    const Eigen::ArrayXd e = (s.array() - s.maxCoeff()).exp();
    out.row(i) = (e / e.sum()).matrix().transpose() * v;
  }
  return out.cast<float>();
}
