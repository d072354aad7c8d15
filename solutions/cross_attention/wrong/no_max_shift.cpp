// The textbook softmax without subtracting the row maximum: a score above
// about 88 makes exp overflow float32 to inf, and inf / inf is NaN.
// expect: wrong_answer stability
// mistake: Softmax without subtracting the row maximum
// mistake.zh: softmax 没有减去每行最大值
// explain: exp(s) / sum(exp(s)) overflows float32 to inf once a score exceeds about 88
// explain: (inf / inf = NaN), and when every score of a row is far below zero all the exps
// explain: underflow to 0; the tests have scores of +-1000. Subtract each row's maximum score
// explain: before exp: the softmax is unchanged and every exponent is at most 0.
// explain.zh: 分数一旦超过约 88，exp(s) / sum(exp(s)) 就会在 float32 中溢出为 inf
// explain.zh: （inf / inf = NaN）；一行的分数全都远小于 0 时，所有 exp 都会下溢为 0；
// explain.zh: 测试中的分数达到 ±1000。取 exp 之前减去每行的最大分数：softmax 不变，
// explain.zh: 且所有指数都不大于 0。
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x_dec * w_q, k = x_enc * w_k, v = x_enc * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  if (k.rows() == 0) return out;
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    Eigen::ArrayXf e = ((k * q.row(i).transpose()) * scale).array().exp();  // bug: no shift
    out.row(i) = (e / e.sum()).matrix().transpose() * v;
  }
  return out;
}
