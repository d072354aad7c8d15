// Attends over the cache as it came in and appends this token's latent row
// only afterwards, so the token cannot see itself (causal attention keeps
// j <= t). The first step has nothing to attend and returns zeros.
// expect: wrong_answer basic
// mistake: Attention computed before appending the new latent row
// mistake.zh: 先做注意力，后追加新 token 的潜在向量
// explain: Attending over the cache as it came in leaves out the new token's own key and value, so
// explain: the token cannot see itself (causal attention keeps j <= t); the first step has nothing
// explain: to attend and returns zeros. Append c_t = x_t^T w_dkv as the cache's last row first,
// explain: then expand keys and values from all t + 1 latent rows.
// explain.zh: 在传入时的缓存上做注意力，就漏掉了新 token 自己的键和值，token 无法关注自己
// explain.zh: （因果注意力保留 j <= t）；第一步没有任何可关注的对象，返回全 0。
// explain.zh: 应先把 c_t = x_t^T w_dkv 追加为缓存的最后一行，再从全部 t + 1 个潜在向量展开键和值。
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

  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  Eigen::RowVectorXf heads = Eigen::RowVectorXf::Zero(hd);
  if (t > 0) {
    for (int h = 0; h < num_heads; ++h) {
      const MatrixXf k = cache.c * w_uk.middleCols(h * d_h, d_h);
      const MatrixXf v = cache.c * w_uv.middleCols(h * d_h, d_h);
      const Eigen::VectorXf s = (k * q.segment(h * d_h, d_h).transpose()) * scale;
      const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
      heads.segment(h * d_h, d_h) = (v.transpose() * (e / e.sum()).matrix()).transpose();
    }
  }
  // bug: the new latent row is appended only after the attention
  cache.c.conservativeResize(t + 1, d_c);
  cache.c.row(t) = x_t.transpose() * w_dkv;
  return (heads * w_o).transpose();
}
