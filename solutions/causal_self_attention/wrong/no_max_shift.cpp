// The textbook softmax without subtracting the row maximum: a visible score
// above about 88 makes exp overflow float32 to inf, and inf / inf is NaN.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  const Eigen::Index n = x.rows();
  MatrixXf out(n, v.cols());
  for (Eigen::Index i = 0; i < n; ++i) {
    Eigen::VectorXf s = (k.topRows(i + 1) * q.row(i).transpose()) * scale;
    Eigen::ArrayXf e = s.array().exp();  // bug: no shift
    e /= e.sum();
    out.row(i) = e.matrix().transpose() * v.topRows(i + 1);
  }
  return out;
}
