// Computes every head's scores correctly but normalises them with one
// softmax over all h * (t + 1) of them, so the heads share one distribution:
// each head's weights sum to its share of the total instead of to 1.
// expect: wrong_answer basic
// mistake: One softmax shared by all heads
// mistake.zh: 所有头共用一个 softmax
// explain: Each head is its own attention: its t + 1 scores get their own maximum, their own sum and
// explain: their own softmax, so every head's weights add up to 1. Normalising all h * (t + 1)
// explain: scores together lets one head's large scores starve the others (their outputs shrink
// explain: towards 0). Run the softmax inside the loop over heads, on that head's scores only.
// explain.zh: 每个头都是一个独立的注意力：它的 t + 1 个分数有自己的最大值、自己的和、自己的 softmax，
// explain.zh: 所以每个头的权重之和都是 1。把全部 h * (t + 1) 个分数放在一起归一化，
// explain.zh: 一个头的大分数就会把其他头的权重压没（它们的输出趋近于 0）。
// explain.zh: 应在对头的循环内部、只对该头的分数做 softmax。
#include "exercise.h"

#include <cmath>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x_t.size();
  if (num_heads <= 0 || w_q.rows() != d_model || w_q.cols() % num_heads != 0)
    throw std::invalid_argument("w_q and num_heads do not fit");
  const Eigen::Index hd = w_q.cols(), d_h = hd / num_heads, d_c = w_dkv.cols();
  if (w_dkv.rows() != d_model || w_uk.rows() != d_c || w_uk.cols() != hd ||
      w_uv.rows() != d_c || w_uv.cols() != hd || w_o.rows() != hd || w_o.cols() != d_model)
    throw std::invalid_argument("weights do not fit");
  const bool empty = cache.c.rows() == 0 && cache.c.cols() == 0;
  if (!empty && cache.c.cols() != d_c) throw std::invalid_argument("cache does not fit");
  const Eigen::Index t = empty ? 0 : cache.c.rows();
  cache.c.conservativeResize(t + 1, d_c);
  cache.c.row(t) = x_t.transpose() * w_dkv;

  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  MatrixXf s(t + 1, num_heads);  // column h: head h's scores
  for (int h = 0; h < num_heads; ++h)
    s.col(h) = (cache.c * w_uk.middleCols(h * d_h, d_h)) * q.segment(h * d_h, d_h).transpose() *
               scale;
  // bug: one softmax over every head's scores together
  const Eigen::ArrayXXf e = (s.array() - s.maxCoeff()).exp();
  const Eigen::ArrayXXf p = e / e.sum();
  Eigen::RowVectorXf heads(hd);
  for (int h = 0; h < num_heads; ++h) {
    const MatrixXf v = cache.c * w_uv.middleCols(h * d_h, d_h);
    heads.segment(h * d_h, d_h) = (v.transpose() * p.col(h).matrix()).transpose();
  }
  return (heads * w_o).transpose();
}
