// Right values and a right cache, but the keys and values are also kept in
// static storage from one step to the next, so only the new token's rows are
// expanded at each step. That is a KV cache hidden beside the latent one: at
// a long context it holds 2 * t * h * d_h floats, the memory MLA saves.
// expect: memory_limit performance
// mistake: Full keys and values kept between steps beside the latent cache
// mistake.zh: 在潜在缓存之外，又在步与步之间保留了完整的键和值
// explain: Keeping K = C w_uk and V = C w_uv in a static (or any other) store between calls turns the
// explain: step back into a KV cache: 2 * h * d_h floats per token instead of d_c, which the
// explain: performance test's long context shows as memory. The only state a step may keep is
// explain: cache.c. Rebuild each head's keys and values from it, one head at a time, or absorb w_uk
// explain: into the query and apply w_uv after the weighted sum of latent rows.
// explain.zh: 在调用之间用静态变量（或其他任何地方）保存 K = C w_uk 和 V = C w_uv，
// explain.zh: 就又变回了 KV 缓存：每个 token 要存 2 * h * d_h 个数而不是 d_c 个，性能测试的长上下文会在内存上暴露这一点。
// explain.zh: 一步解码唯一可以保留的状态是 cache.c。应从它重新算出每个头的键和值，一次一个头；
// explain.zh: 或者把 w_uk 吸收进查询，在对潜在向量加权求和之后再乘 w_uv。
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

  // bug: K and V of every token so far, kept from one call to the next (a new
  // decode, one that is shorter than what is stored, starts them again)
  static MatrixXf keys, values;
  if (keys.rows() > t || keys.cols() != hd) {
    keys.resize(0, hd);
    values.resize(0, hd);
  }
  const Eigen::Index have = keys.rows();
  keys.conservativeResize(t + 1, hd);
  values.conservativeResize(t + 1, hd);
  keys.bottomRows(t + 1 - have) = cache.c.bottomRows(t + 1 - have) * w_uk;
  values.bottomRows(t + 1 - have) = cache.c.bottomRows(t + 1 - have) * w_uv;

  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  Eigen::RowVectorXf heads(hd);
  for (int h = 0; h < num_heads; ++h) {
    const Eigen::VectorXf s =
        (keys.middleCols(h * d_h, d_h) * q.segment(h * d_h, d_h).transpose()) * scale;
    const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    heads.segment(h * d_h, d_h) =
        (values.middleCols(h * d_h, d_h).transpose() * (e / e.sum()).matrix()).transpose();
  }
  return (heads * w_o).transpose();
}
