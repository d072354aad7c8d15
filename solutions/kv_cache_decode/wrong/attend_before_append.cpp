// Attends over the cache as it came in and appends this token's key and value
// only afterwards, so the token cannot see itself (causal attention keeps
// j <= t). The first step has nothing to attend and returns zeros.
// expect: wrong_answer basic
// mistake: Attention computed before appending the new key and value
// mistake.zh: 先做注意力，后追加新 token 的键和值
// explain: Attending over the cache as it came in leaves out the new token's own key and value, so
// explain: the token cannot see itself (causal attention keeps j <= t); the first step has nothing
// explain: to attend and returns zeros. Append k_t and v_t as the cache's last rows first, then
// explain: attend over all t + 1 rows.
// explain.zh: 在传入时的缓存上做注意力，就漏掉了新 token 自己的键和值，token 无法关注自己
// explain.zh: （因果注意力保留 j <= t）；第一步没有任何可关注的对象，返回全 0。
// explain.zh: 应先把 k_t 和 v_t 追加为缓存的最后一行，再在全部 t + 1 行上做注意力。
#include "exercise.h"

VectorXf kv_cache_decode(KVCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  const Eigen::Index d = x_t.size(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_k.cols() != dk)
    throw std::invalid_argument("weight shapes do not fit x_t");
  const bool fresh =
      cache.k.rows() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 && cache.v.cols() == 0;
  if (!fresh && (cache.k.cols() != dk || cache.v.cols() != dv || cache.k.rows() != cache.v.rows()))
    throw std::invalid_argument("cache shape does not fit");
  const Eigen::Index t = fresh ? 0 : cache.k.rows();
  VectorXf out = VectorXf::Zero(dv);
  if (t > 0) {  // bug: the new row is not there yet
    const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
    const Eigen::VectorXf s = cache.k * (w_q.transpose() * x_t) * scale;
    const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    out = cache.v.transpose() * (e / e.sum()).matrix();
  }
  MatrixXf k(t + 1, dk), v(t + 1, dv);
  if (t > 0) {
    k.topRows(t) = cache.k;
    v.topRows(t) = cache.v;
  }
  k.row(t) = x_t.transpose() * w_k;
  v.row(t) = x_t.transpose() * w_v;
  cache.k = k;
  cache.v = v;
  return out;
}
