// Forms the d_dec x d_enc bilinear form W_q W_k^T first, so the scores are
// X_dec (W_q W_k^T) X_enc^T, and takes the softmax through the log domain:
// weights = exp(s - logsumexp(s)).
// expect: accepted
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("shape mismatch");
  const Eigen::Index n = x_dec.rows(), m = x_enc.rows();
  MatrixXf p = MatrixXf::Zero(n, m);
  if (m > 0) {
    const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
    const MatrixXf s = x_dec * (w_q * w_k.transpose()) * x_enc.transpose() * scale;
    for (Eigen::Index i = 0; i < n; ++i) {
      const float mx = s.row(i).maxCoeff();
      const float lse = mx + std::log((s.row(i).array() - mx).exp().sum());
      p.row(i) = (s.row(i).array() - lse).exp().matrix();
    }
  }
  return p * (x_enc * w_v);
}
