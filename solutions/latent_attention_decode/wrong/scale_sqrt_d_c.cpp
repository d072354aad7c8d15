// Scales the scores by 1 / sqrt(d_c), the width of the latent rows the keys
// are expanded from, instead of 1 / sqrt(d_h), the width of one head's query
// and key. Right only when d_c = d_h.
// expect: wrong_answer basic
// mistake: Scores divided by sqrt(d_c) instead of sqrt(d_h)
// mistake.zh: 分数除以了 sqrt(d_c) 而不是 sqrt(d_h)
// explain: A head's score is the dot product of two d_h-wide vectors, q_i and a key row of that head,
// explain: so it is scaled by 1 / sqrt(d_h) with d_h = w_q.cols() / num_heads, whatever the width d_c
// explain: of the latent rows the keys come from (with weight absorption the dot product runs over
// explain: d_c numbers, but it is the same score and keeps the same scale).
// explain.zh: 一个头的分数是两个 d_h 维向量（q_i 与该头的一行键）的点积，所以缩放因子是 1 / sqrt(d_h)，
// explain.zh: 其中 d_h = w_q.cols() / num_heads，与键所来自的潜在向量宽度 d_c 无关
// explain.zh: （用权重吸收时点积是在 d_c 个数上求和，但分数还是同一个，缩放因子也不变）。
#include "exercise.h"

#include <cmath>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x_t.size();
  if (num_heads < 1) throw std::invalid_argument("num_heads < 1");
  const Eigen::Index hd = w_q.cols();
  if (w_q.rows() != d_model || hd % num_heads != 0) throw std::invalid_argument("bad w_q");
  const Eigen::Index d_h = hd / num_heads, d_c = w_dkv.cols();
  if (w_dkv.rows() != d_model) throw std::invalid_argument("bad w_dkv");
  if (w_uk.rows() != d_c || w_uk.cols() != hd) throw std::invalid_argument("bad w_uk");
  if (w_uv.rows() != d_c || w_uv.cols() != hd) throw std::invalid_argument("bad w_uv");
  if (w_o.rows() != hd || w_o.cols() != d_model) throw std::invalid_argument("bad w_o");
  const bool fresh = cache.c.rows() == 0 && cache.c.cols() == 0;
  if (!fresh && cache.c.cols() != d_c) throw std::invalid_argument("cache width is not d_c");

  const Eigen::Index t = fresh ? 0 : cache.c.rows();
  MatrixXf grown(t + 1, d_c);
  if (t > 0) grown.topRows(t) = cache.c;
  grown.row(t) = x_t.transpose() * w_dkv;
  cache.c.swap(grown);
  const MatrixXf& c = cache.c;

  const VectorXf q = w_q.transpose() * x_t;
  // bug: the latent width, not the head width
  const float inv = d_c == 0 ? 1.0f : 1.0f / std::sqrt(float(d_c));
  VectorXf concat(hd);
  for (int i = 0; i < num_heads; ++i) {
    const VectorXf a = w_uk.middleCols(i * d_h, d_h) * q.segment(i * d_h, d_h);
    const VectorXf s = (c * a) * inv;
    VectorXf p = (s.array() - s.maxCoeff()).exp().matrix();
    p /= p.sum();
    concat.segment(i * d_h, d_h) = w_uv.middleCols(i * d_h, d_h).transpose() * (c.transpose() * p);
  }
  return w_o.transpose() * concat;
}
