// Associates the product differently: scores = X (W_q W_k^T) X^T, with the
// d_model x d_model matrix W_q W_k^T formed first; the softmax goes through
// the log domain, weights = exp(s - logsumexp(s)).
// expect: accepted
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("shape mismatch");
  const Eigen::Index n = x.rows();
  const MatrixXf bilinear = w_q * w_k.transpose();
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  const MatrixXf s = (x * bilinear * x.transpose()) * scale;
  const MatrixXf v = x * w_v;
  MatrixXf p = MatrixXf::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const float m = s.row(i).head(i + 1).maxCoeff();
    const float lse = m + std::log((s.row(i).head(i + 1).array() - m).exp().sum());
    p.row(i).head(i + 1) = (s.row(i).head(i + 1).array() - lse).exp().matrix();
  }
  return p * v;
}
