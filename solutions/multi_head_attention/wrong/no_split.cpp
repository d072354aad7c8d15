// Never splits into heads, like the source article's code: one scaled
// attention over all d_model columns of Q, K and V (so it is scaled by
// sqrt(d_model)), and num_heads is only validated. It is right only for
// num_heads = 1; with several heads each query gets one softmax instead of one
// per head.
// expect: wrong_answer basic
// expect: wrong_answer random
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
