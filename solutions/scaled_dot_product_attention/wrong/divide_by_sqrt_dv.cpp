// Takes "d" from v's width: divides by sqrt(v.cols()) = sqrt(d_v). Right
// whenever d_v == d_k, as in most self-attention layers, wrong when they
// differ (the sample has d_k = 4, d_v = 2).
// expect: wrong_answer basic
// mistake: Scores divided by sqrt(d_v), the width of v, instead of sqrt(d_k)
// mistake.zh: 分数除以 sqrt(d_v)（v 的宽度）而不是 sqrt(d_k)
// explain: The scale is taken from v.cols(). That is right whenever d_v == d_k, as in most
// explain: self-attention layers, but wrong when they differ (the sample has d_k = 4, d_v = 2). The
// explain: scale belongs to the length of the dot products q_i . k_j: use 1 / sqrt(d_k) with
// explain: d_k = q.cols() = k.cols().
// explain.zh: 缩放取自 v.cols()。当 d_v == d_k 时（大多数自注意力层都是如此）这没有问题，
// explain.zh: 但两者不同时就错了（示例中 d_k = 4，d_v = 2）。缩放对应的是点积 q_i . k_j 的长度：
// explain.zh: 应使用 1 / sqrt(d_k)，其中 d_k = q.cols() = k.cols()。
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose();
  if (v.cols() > 0) s /= std::sqrt(static_cast<float>(v.cols()));  // bug: d_v, not d_k
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
