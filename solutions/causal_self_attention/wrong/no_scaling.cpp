// Forgets the 1 / sqrt(d_k) factor: softmax(Q K^T) instead of
// softmax(Q K^T / sqrt(d_k)). The weights come out too peaked whenever d_k > 1.
// expect: wrong_answer basic
// mistake: Scores not divided by sqrt(d_k)
// mistake.zh: 分数没有除以 sqrt(d_k)
// explain: softmax(Q K^T) is used instead of softmax(Q K^T / sqrt(d_k)), so the weights come out
// explain: too peaked whenever d_k > 1. Multiply the scores by 1 / sqrt(d_k), where
// explain: d_k = w_q.cols() is the width of Q and K (not d_model, not d_v).
// explain.zh: 这里用的是 softmax(Q K^T) 而不是 softmax(Q K^T / sqrt(d_k))，
// explain.zh: d_k > 1 时权重分布过于尖锐。把分数乘以 1 / sqrt(d_k)，
// explain.zh: 其中 d_k = w_q.cols() 是 Q 和 K 的宽度（不是 d_model，也不是 d_v）。
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  const Eigen::Index n = x.rows();
  MatrixXf out(n, v.cols());
  for (Eigen::Index i = 0; i < n; ++i) {
    Eigen::VectorXf s = k.topRows(i + 1) * q.row(i).transpose();  // bug: not scaled
    Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    e /= e.sum();
    out.row(i) = e.matrix().transpose() * v.topRows(i + 1);
  }
  return out;
}
