// Treats any cache with no entries as empty (cache.c.size() == 0), so a
// cache of t rows and 0 columns is taken for a new decode: with d_c > 0 it is
// silently replaced instead of refused, and with d_c = 0 its t tokens are
// forgotten (the cache comes back 1 x 0 instead of (t + 1) x 0).
// expect: wrong_answer edge
// expect: wrong_answer invalid
// mistake: Any cache without entries taken for an empty one
// mistake.zh: 把任何没有元素的缓存都当成空缓存
// explain: Only two caches are empty: 0 x d_c, and the default-constructed 0 x 0. A cache of t > 0 rows
// explain: and 0 columns has no entries but still holds t tokens: when d_c = 0 it is a valid cache
// explain: that grows to t + 1 rows, and when d_c > 0 it does not fit and must throw. Test the row
// explain: and column counts (rows == 0 && cols == 0), not size() == 0.
// explain.zh: 只有两种缓存是空的：0 x d_c，以及默认构造的 0 x 0。t > 0 行、0 列的缓存虽然没有元素，
// explain.zh: 却仍然记录了 t 个 token：d_c = 0 时它是合法的缓存，调用后增长为 t + 1 行；
// explain.zh: d_c > 0 时它不匹配，必须抛出异常。应检查行数和列数（rows == 0 && cols == 0），而不是 size() == 0。
#include "exercise.h"

#include <cmath>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x_t.size();
  if (num_heads <= 0) throw std::invalid_argument("num_heads must be positive");
  if (w_q.rows() != d_model || w_q.cols() % num_heads != 0)
    throw std::invalid_argument("w_q must be d_model x (h * d_h)");
  const Eigen::Index hd = w_q.cols(), d_h = hd / num_heads, d_c = w_dkv.cols();
  if (w_dkv.rows() != d_model) throw std::invalid_argument("w_dkv must have d_model rows");
  if (w_uk.rows() != d_c || w_uk.cols() != hd || w_uv.rows() != d_c || w_uv.cols() != hd)
    throw std::invalid_argument("w_uk and w_uv must be d_c x (h * d_h)");
  if (w_o.rows() != hd || w_o.cols() != d_model)
    throw std::invalid_argument("w_o must be (h * d_h) x d_model");
  // bug: t x 0 has size() == 0 too, but it is not an empty cache
  const bool empty = cache.c.size() == 0;
  if (!empty && cache.c.cols() != d_c) throw std::invalid_argument("cache.c must have d_c columns");

  const Eigen::Index t = empty ? 0 : cache.c.rows();
  if (empty) cache.c.resize(0, d_c);
  cache.c.conservativeResize(t + 1, d_c);
  cache.c.row(t) = x_t.transpose() * w_dkv;

  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  Eigen::RowVectorXf heads(hd);
  for (int h = 0; h < num_heads; ++h) {
    const MatrixXf k = cache.c * w_uk.middleCols(h * d_h, d_h);
    const MatrixXf v = cache.c * w_uv.middleCols(h * d_h, d_h);
    Eigen::VectorXf s = (k * q.segment(h * d_h, d_h).transpose()) * scale;
    const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    heads.segment(h * d_h, d_h) = (v.transpose() * (e / e.sum()).matrix()).transpose();
  }
  return (heads * w_o).transpose();
}
