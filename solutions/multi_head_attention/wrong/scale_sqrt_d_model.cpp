// Splits the heads correctly but scales every head by 1 / sqrt(d_model), as
// for one big attention, instead of 1 / sqrt(d_h). The scores are sqrt(h)
// times too small and every head's attention is too flat.
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: Each head scaled by sqrt(d_model) instead of sqrt(d_h)
// mistake.zh: 每个头按 sqrt(d_model) 而不是 sqrt(d_h) 缩放
// explain: A head's score is a dot product of d_h-wide vectors, so it is divided by sqrt(d_h), the
// explain: square root of one head's width. Dividing by sqrt(d_model) makes every score
// explain: sqrt(num_heads) times too small and every head's attention too flat. Use 1 / sqrt(d_h)
// explain: with d_h = d_model / num_heads.
// explain.zh: 一个头的分数是 d_h 维向量的点积，所以要除以单个头宽度的平方根 sqrt(d_h)。
// explain.zh: 除以 sqrt(d_model) 会让每个分数小 sqrt(num_heads) 倍，每个头的注意力都过于平坦。
// explain.zh: 应使用 1 / sqrt(d_h)，其中 d_h = d_model / num_heads。
#include "exercise.h"

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d = x.cols();
  if (num_heads <= 0 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  for (const MatrixXf* w : {&w_q, &w_k, &w_v, &w_o})
    if (w->rows() != d || w->cols() != d) throw std::invalid_argument("weight shape");
  const Eigen::Index d_h = d / num_heads;
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(x.rows(), d);
  for (int t = 0; t < num_heads; ++t) {
    MatrixXf s = q.middleCols(t * d_h, d_h) * k.middleCols(t * d_h, d_h).transpose() /
                 std::sqrt(static_cast<float>(d));  // bug: should be d_h
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
      s.row(i).array() -= s.row(i).maxCoeff();
      s.row(i) = s.row(i).array().exp().matrix();
      s.row(i) /= s.row(i).sum();
    }
    concat.middleCols(t * d_h, d_h) = s * v.middleCols(t * d_h, d_h);
  }
  return concat * w_o;
}
