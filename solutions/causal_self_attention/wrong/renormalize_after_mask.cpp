// Softmax over every key, then zero the future keys and renormalize each row.
// On paper that equals the masked softmax, but the shift is the maximum over
// the future keys too: when a future key scores 200 and the visible keys 25
// or less, every visible exp(s - max) underflows to 0 and the row is 0 / 0 = NaN.
// expect: wrong_answer stability
// mistake: Shift by the maximum over future keys, then renormalise
// mistake.zh: 用包含未来键的最大值做平移，再重新归一化
// explain: Zeroing the future weights and renormalising equals the masked softmax on paper, but the
// explain: shift is the maximum over the whole row, future keys included. When a future key scores
// explain: 200 and the visible keys 25 or less, every visible exp(s - max) underflows to 0 and the
// explain: row is 0 / 0 = NaN. Mask first and take the maximum over the visible keys j <= i only.
// explain.zh: 把未来位置的权重置零再重新归一化，在纸面上与带掩码的 softmax 相等，但平移用的是整行
// explain.zh: （包括未来键）的最大值。当某个未来键的分数是 200、而可见键不超过 25 时，
// explain.zh: 所有可见的 exp(s - max) 都下溢为 0，该行变成 0 / 0 = NaN。应先施加掩码，
// explain.zh: 只在可见键 j <= i 上求最大值。
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
