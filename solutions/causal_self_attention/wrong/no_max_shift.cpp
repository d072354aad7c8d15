// The textbook softmax without subtracting the row maximum: a visible score
// above about 88 makes exp overflow float32 to inf, and inf / inf is NaN.
// expect: wrong_answer stability
// mistake: Softmax without subtracting the row maximum
// mistake.zh: softmax 没有减去每行最大值
// explain: exp(s) / sum(exp(s)) overflows float32 to inf as soon as a visible score exceeds about
// explain: 88, and inf / inf is NaN (the tests have scores in the hundreds); a row whose visible
// explain: scores are all far below zero underflows to 0 / 0. Subtract the maximum over the visible
// explain: keys j <= i before exp: the softmax is unchanged and every exponent is at most 0.
// explain.zh: 可见分数一旦超过约 88，exp(s) / sum(exp(s)) 就会在 float32 中溢出为 inf，
// explain.zh: 而 inf / inf 是 NaN（测试中的分数达到数百）；
// explain.zh: 可见分数全都远小于 0 的行则会下溢成 0 / 0。取 exp 之前减去可见键（j <= i）
// explain.zh: 上的最大值：softmax 不变，且所有指数都不大于 0。
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
