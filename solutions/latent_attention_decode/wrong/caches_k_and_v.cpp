// Caches what a KV cache would hold: each token's key row and value row,
// side by side in cache.c ([k_t | v_t], 2 * h * d_h columns), and attends
// over those. The outputs are right, but the cache is not the t x d_c latent
// matrix: it is 2 * h * d_h / d_c times larger, which is what MLA avoids.
// expect: wrong_answer basic
// mistake: Keys and values cached instead of the latent rows
// mistake.zh: 缓存了键和值，而不是潜在向量
// explain: cache.c must hold only the latent rows c_t = x_t^T w_dkv (t x d_c): that is the point of
// explain: multi-head latent attention. Storing [k_t | v_t] there keeps 2 * h * d_h numbers per
// explain: token, a plain KV cache. Append c_t, and rebuild each head's keys and values from the
// explain: latent rows at every step (or absorb w_uk and w_uv so that you never need them).
// explain.zh: cache.c 只应保存潜在向量 c_t = x_t^T w_dkv（t x d_c）：这正是多头潜在注意力的意义所在。
// explain.zh: 在里面存 [k_t | v_t]，每个 token 就要存 2 * h * d_h 个数，等于普通的 KV 缓存。
// explain.zh: 应追加 c_t，每一步再从潜在向量重新算出每个头的键和值（或者吸收 w_uk 和 w_uv，根本不需要它们）。
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
  // bug: the cache holds [K | V] rows, 2 * h * d_h wide
  const bool empty = cache.c.rows() == 0;
  if (!empty && cache.c.cols() != 2 * hd) throw std::invalid_argument("cache does not fit");
  const Eigen::RowVectorXf c_t = x_t.transpose() * w_dkv;
  const Eigen::Index t = cache.c.rows();
  cache.c.conservativeResize(t + 1, 2 * hd);
  cache.c.row(t).head(hd) = c_t * w_uk;
  cache.c.row(t).tail(hd) = c_t * w_uv;

  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  Eigen::RowVectorXf heads(hd);
  for (int h = 0; h < num_heads; ++h) {
    const auto k = cache.c.middleCols(h * d_h, d_h);
    const auto v = cache.c.middleCols(hd + h * d_h, d_h);
    const Eigen::VectorXf s = (k * q.segment(h * d_h, d_h).transpose()) * scale;
    const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    heads.segment(h * d_h, d_h) = (v.transpose() * (e / e.sum()).matrix()).transpose();
  }
  return (heads * w_o).transpose();
}
