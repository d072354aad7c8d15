// Never splits into heads, like the source article's code: one scaled
// attention over all d_model columns of Q, K and V (so it is scaled by
// sqrt(d_model)), and num_heads is only validated. It is right only for
// num_heads = 1; with several heads each query gets one softmax instead of one
// per head.
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: One attention over all of d_model instead of num_heads heads
// mistake.zh: 在全部 d_model 列上只做一次注意力，没有拆成多个头
// explain: Never splitting into heads gives each query one softmax over all d_model columns, scaled
// explain: by sqrt(d_model); that is right only for num_heads = 1. Multi-head attention gives every
// explain: head its own softmax on its own d_h = d_model / h columns, scaled by 1 / sqrt(d_h), and
// explain: concatenates the heads in order before multiplying by w_o.
// explain.zh: 不拆分头时，每个查询只在全部 d_model 列上做一次 softmax，并按 sqrt(d_model) 缩放；
// explain.zh: 只有 num_heads = 1 时才正确。
// explain.zh: 多头注意力让每个头在自己的 d_h = d_model / h 列上单独做 softmax，
// explain.zh: 按 1 / sqrt(d_h) 缩放，再按顺序拼接各个头，最后乘以 w_o。
#include "exercise.h"

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d = x.cols();
  if (num_heads <= 0 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  for (const MatrixXf* w : {&w_q, &w_k, &w_v, &w_o})
    if (w->rows() != d || w->cols() != d) throw std::invalid_argument("weight shape");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf s = q * k.transpose() / std::sqrt(static_cast<float>(d));
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    s.row(i).array() -= s.row(i).maxCoeff();
    s.row(i) = s.row(i).array().exp().matrix();
    s.row(i) /= s.row(i).sum();
  }
  return s * v * w_o;
}
