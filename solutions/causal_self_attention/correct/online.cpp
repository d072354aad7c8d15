// Token by token, as a decoder would run it: key and value rows are produced
// one at a time and each query folds the visible keys in with an online
// softmax (running max, running sum, rescaled accumulator), in float.
// expect: accepted
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("shape mismatch");
  const Eigen::Index n = x.rows(), dv = w_v.cols();
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf k(n, w_k.cols()), v(n, dv), out(n, dv);
  for (Eigen::Index i = 0; i < n; ++i) {
    k.row(i) = x.row(i) * w_k;
    v.row(i) = x.row(i) * w_v;
    const Eigen::RowVectorXf q = x.row(i) * w_q * scale;  // scale the query, not the scores
    float m = -std::numeric_limits<float>::infinity(), l = 0;
    Eigen::RowVectorXf acc = Eigen::RowVectorXf::Zero(dv);
    for (Eigen::Index j = 0; j <= i; ++j) {
      const float s = q.dot(k.row(j));
      const float m_new = std::max(m, s);
      const float correction = std::exp(m - m_new);  // exp(-inf) = 0 on the first key
      const float p = std::exp(s - m_new);
      l = l * correction + p;
      acc = acc * correction + p * v.row(j);
      m = m_new;
    }
    out.row(i) = acc / l;
  }
  return out;
}
