// Softmax over every key, then zero the future keys and renormalize each row.
// On paper that equals the masked softmax, but the shift is the maximum over
// the future keys too: when a future key scores 200 and the visible keys 25
// or less, every visible exp(s - max) underflows to 0 and the row is 0 / 0 = NaN.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf s = (q * k.transpose()) * scale;
  MatrixXf p(s.rows(), s.cols());
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    Eigen::ArrayXf e = (s.row(i).transpose().array() - s.row(i).maxCoeff()).exp();  // bug
    for (Eigen::Index j = i + 1; j < s.cols(); ++j) e(j) = 0.0f;
    p.row(i) = (e / e.sum()).matrix().transpose();
  }
  return p * v;
}
