// Divides the scores by d_k instead of sqrt(d_k): the scores shrink too much
// and the weights come out too flat. Equal only when d_k = 1.
// expect: wrong_answer basic
// mistake: Scores divided by d_k instead of sqrt(d_k)
// mistake.zh: 分数除以 d_k 而不是 sqrt(d_k)
// explain: Dividing by d_k shrinks the scores by a further factor sqrt(d_k), so the weights come
// explain: out too flat; the two agree only when d_k = 1. The scale that brings the scores'
// explain: variance back to 1 is 1 / sqrt(d_k), with d_k = q.cols().
// explain.zh: 除以 d_k 会让分数再多缩小 sqrt(d_k) 倍，权重因此过于平坦；只有 d_k = 1 时两者才一致。
// explain.zh: 能把分数的方差拉回 1 的缩放系数是 1 / sqrt(d_k)，其中 d_k = q.cols()。
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose();
  if (q.cols() > 0) s /= static_cast<float>(q.cols());  // bug: should be sqrt(d_k)
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
