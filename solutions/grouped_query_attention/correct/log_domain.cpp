// Per query head: softmax through the log domain (exp(s - logsumexp(s))), and
// the output projection applied head by head (the sum over heads of
// head_i * W_o's rows for head i) instead of concatenating first.
// expect: accepted
#include "exercise.h"

MatrixXf grouped_query_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                                 const MatrixXf& w_v, const MatrixXf& w_o, int num_heads,
                                 int num_kv_heads) {
  if (num_heads < 1 || num_kv_heads < 1 || num_heads % num_kv_heads)
    throw std::invalid_argument("grouped_query_attention: head counts");
  const Eigen::Index d = x.cols();
  if (w_q.rows() != d || w_q.cols() % num_heads)
    throw std::invalid_argument("grouped_query_attention: w_q");
  const Eigen::Index d_h = w_q.cols() / num_heads, kv_width = num_kv_heads * d_h;
  if (w_k.rows() != d || w_v.rows() != d || w_k.cols() != kv_width || w_v.cols() != kv_width ||
      w_o.rows() != w_q.cols() || w_o.cols() != d)
    throw std::invalid_argument("grouped_query_attention: w_k, w_v or w_o");
  const MatrixXf k = x * w_k, v = x * w_v;
  MatrixXf out = MatrixXf::Zero(x.rows(), d);
  for (int i = 0; i < num_heads; ++i) {
    const Eigen::Index kv = (i / (num_heads / num_kv_heads)) * d_h;
    const MatrixXf q = x * w_q.middleCols(i * d_h, d_h);
    MatrixXf s = q * k.middleCols(kv, d_h).transpose() / std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index r = 0; r < s.rows(); ++r) {
      const float m = s.row(r).maxCoeff();
      const float lse = m + std::log((s.row(r).array() - m).exp().sum());
      s.row(r) = (s.row(r).array() - lse).exp().matrix();
    }
    out += s * v.middleCols(kv, d_h) * w_o.middleRows(i * d_h, d_h);
  }
  return out;
}
