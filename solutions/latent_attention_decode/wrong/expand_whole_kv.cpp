// Right values, wrong memory: every step expands K = C W_uk and V = C W_uv
// for the whole context at once, (t + 1) x (h * d_h) each, before splitting
// heads. Over a long context that is as much memory as a KV cache, which is
// what caching only the latent rows was meant to save.
// expect: memory_limit performance
// mistake: K and V of the whole context expanded at every step
// mistake.zh: 每一步都为整个上下文展开完整的 K 和 V
// explain: C * w_uk and C * w_uv over all t + 1 cached rows are (t + 1) x (h * d_h) each: at a long
// explain: context the step briefly holds exactly the KV cache MLA exists to avoid (and keeping them
// explain: between steps would hold it for good). Expand one head at a time, (t + 1) x d_h, or absorb
// explain: the up-projections: head i's scores are C (W_uk_i q_i) and its output W_uv_i^T (C^T p).
// explain.zh: 在全部 t + 1 行缓存上计算的 C * w_uk 和 C * w_uv 各是 (t + 1) x (h * d_h)：
// explain.zh: 上下文很长时，这一步会短暂地持有 MLA 本来要省掉的整个 KV 缓存（若在步与步之间保留它们，就是一直持有）。
// explain.zh: 应一次只展开一个头，即 (t + 1) x d_h；或者吸收上投影矩阵：
// explain.zh: 头 i 的分数是 C (W_uk_i q_i)，输出是 W_uv_i^T (C^T p)。
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

  // bug: the whole context's keys and values, all heads at once
  const MatrixXf k = cache.c * w_uk;
  const MatrixXf v = cache.c * w_uv;
  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  Eigen::RowVectorXf heads(hd);
  for (int h = 0; h < num_heads; ++h) {
    const Eigen::VectorXf s = (k.middleCols(h * d_h, d_h) * q.segment(h * d_h, d_h).transpose()) * scale;
    const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    heads.segment(h * d_h, d_h) =
        (v.middleCols(h * d_h, d_h).transpose() * (e / e.sum()).matrix()).transpose();
  }
  return (heads * w_o).transpose();
}
