// Eigen expressions: the n x m score matrix, a row-wise stable softmax with
// colwise broadcasting, then P V. No encoder rows gives zero rows.
// expect: accepted
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols()) throw std::invalid_argument("w_q must have x_dec.cols() rows");
  if (w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols())
    throw std::invalid_argument("w_k and w_v must have x_enc.cols() rows");
  if (w_q.cols() != w_k.cols()) throw std::invalid_argument("w_q and w_k must have the same width");
  const Eigen::Index n = x_dec.rows(), m = x_enc.rows();
  if (n == 0 || m == 0) return MatrixXf::Zero(n, w_v.cols());
  const float scale = w_q.cols() == 0 ? 1.0f : 1.0f / std::sqrt(static_cast<float>(w_q.cols()));
  const MatrixXf s = (x_dec * w_q) * (x_enc * w_k).transpose() * scale;
  const Eigen::VectorXf mx = s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = (s.colwise() - mx).array().exp();
  e.colwise() /= e.rowwise().sum().eval();
  return e.matrix() * (x_enc * w_v);
}
