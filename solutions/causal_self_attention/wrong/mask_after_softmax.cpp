// Takes the softmax over every key and only then zeroes the future ones. The
// kept weights were normalized over keys the token must not see, so each row
// but the last sums to less than 1.
// expect: wrong_answer basic
// mistake: Causal mask applied after the softmax
// mistake.zh: 在 softmax 之后才施加因果掩码
// explain: The softmax runs over all n keys and the future weights are zeroed only afterwards, so
// explain: the future keys have already taken their share of the normalisation: every row but the
// explain: last sums to less than 1. Mask before the softmax: future keys must take no part in the
// explain: maximum or the sum.
// explain.zh: softmax 在全部 n 个键上计算，之后才把未来位置的权重置零，
// explain.zh: 未来的键已经在归一化中占了份额：除最后一行外，每一行的权重之和都小于 1。
// explain.zh: 掩码必须在 softmax 之前施加：未来的键既不参与求最大值，也不参与求和。
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
    Eigen::ArrayXf e = (s.row(i).transpose().array() - s.row(i).maxCoeff()).exp();
    p.row(i) = (e / e.sum()).matrix().transpose();
  }
  p.triangularView<Eigen::StrictlyUpper>().setZero();  // bug: masked after normalizing
  return p * v;
}
