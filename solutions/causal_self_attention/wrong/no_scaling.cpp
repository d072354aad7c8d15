// Forgets the 1 / sqrt(d_k) factor: softmax(Q K^T) instead of
// softmax(Q K^T / sqrt(d_k)). The weights come out too peaked whenever d_k > 1.
// expect: wrong_answer basic
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
