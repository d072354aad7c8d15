// Correct: weight absorption, as DeepSeek-V2 decodes. Head i's scores are
// C * (W_uk_i q_i) and its output is W_uv_i^T (C^T p), so no key or value
// row is ever formed: O(t * d_c) per head, and no t x d_h temporaries. The
// cache grows by copying into a new (t + 1)-row matrix.
// expect: accepted
#include "exercise.h"

#include <cmath>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x_t.size();
  if (num_heads < 1) throw std::invalid_argument("num_heads < 1");
  const Eigen::Index hd = w_q.cols();
  if (w_q.rows() != d_model || hd % num_heads != 0) throw std::invalid_argument("bad w_q");
  const Eigen::Index d_h = hd / num_heads;
  const Eigen::Index d_c = w_dkv.cols();
  if (w_dkv.rows() != d_model) throw std::invalid_argument("bad w_dkv");
  if (w_uk.rows() != d_c || w_uk.cols() != hd) throw std::invalid_argument("bad w_uk");
  if (w_uv.rows() != d_c || w_uv.cols() != hd) throw std::invalid_argument("bad w_uv");
  if (w_o.rows() != hd || w_o.cols() != d_model) throw std::invalid_argument("bad w_o");
  const bool fresh = cache.c.rows() == 0 && cache.c.cols() == 0;
  if (!fresh && cache.c.cols() != d_c) throw std::invalid_argument("cache width is not d_c");

  const Eigen::Index t = fresh ? 0 : cache.c.rows();
  MatrixXf grown(t + 1, d_c);
  if (t > 0) grown.topRows(t) = cache.c;  // a 0 x 0 cache has no rows to copy
  grown.row(t) = x_t.transpose() * w_dkv;
  cache.c.swap(grown);
  const MatrixXf& c = cache.c;

  const VectorXf q = w_q.transpose() * x_t;
  const float inv = d_h == 0 ? 1.0f : 1.0f / std::sqrt(float(d_h));
  VectorXf concat(hd);
  for (int i = 0; i < num_heads; ++i) {
    const VectorXf a = w_uk.middleCols(i * d_h, d_h) * q.segment(i * d_h, d_h);  // d_c
    const VectorXf s = (c * a) * inv;                                            // t + 1
    VectorXf p = (s.array() - s.maxCoeff()).exp().matrix();
    p /= p.sum();
    const VectorXf mixed = c.transpose() * p;  // d_c: the weighted latent row
    concat.segment(i * d_h, d_h) = w_uv.middleCols(i * d_h, d_h).transpose() * mixed;
  }
  return w_o.transpose() * concat;
}
