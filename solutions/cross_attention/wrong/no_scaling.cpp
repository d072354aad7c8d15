// Forgets the 1 / sqrt(d_k) factor on the scores: the attention weights come
// out too peaked whenever d_k > 1.
// expect: wrong_answer basic
// mistake: Scores not divided by sqrt(d_k)
// mistake.zh: 分数没有除以 sqrt(d_k)
// explain: softmax(Q K^T) V is computed instead of softmax(Q K^T / sqrt(d_k)) V, so the weights
// explain: come out too peaked whenever d_k > 1. Multiply the n x m scores by 1 / sqrt(d_k), where
// explain: d_k = w_q.cols() = w_k.cols().
// explain.zh: 这里计算的是 softmax(Q K^T) V，而不是 softmax(Q K^T / sqrt(d_k)) V，
// explain.zh: d_k > 1 时权重分布过于尖锐。把 n x m 的分数乘以 1 / sqrt(d_k)，
// explain.zh: 其中 d_k = w_q.cols() = w_k.cols()。
#include "exercise.h"

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x_dec * w_q, k = x_enc * w_k, v = x_enc * w_v;
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  if (k.rows() == 0) return out;
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    Eigen::VectorXf s = k * q.row(i).transpose();  // bug: not divided by sqrt(d_k)
    Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    out.row(i) = (e / e.sum()).matrix().transpose() * v;
  }
  return out;
}
