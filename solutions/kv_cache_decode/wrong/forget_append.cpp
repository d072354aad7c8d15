// Attends over the cached rows plus this token's key and value, but never
// stores them: the cache stays as it came in. The first output is right, the
// cache after it is not, and every later step misses the earlier tokens.
// expect: wrong_answer basic
// mistake: New key and value never stored in the cache
// mistake.zh: 新的键和值没有存入缓存
// explain: The step attends correctly over the old rows plus k_t and v_t, but leaves cache.k and
// explain: cache.v as they came in. The cache is an in-out parameter checked after every step, and
// explain: every later step then misses the earlier tokens. Grow cache.k and cache.v by one row
// explain: each and write k_t and v_t into it.
// explain.zh: 这一步在旧的缓存行加上 k_t、v_t 上正确地做了注意力，
// explain.zh: 却让 cache.k 和 cache.v 保持原样。缓存是输入输出参数，每一步之后都会被检查，
// explain.zh: 而且之后的每一步都会漏掉之前的 token。应把 cache.k 和 cache.v 各增加一行，
// explain.zh: 并把 k_t 和 v_t 写进去。
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
  MatrixXf k(t + 1, dk), v(t + 1, dv);
  if (t > 0) {
    k.topRows(t) = cache.k;
    v.topRows(t) = cache.v;
  }
  k.row(t) = x_t.transpose() * w_k;
  v.row(t) = x_t.transpose() * w_v;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  const Eigen::VectorXf s = k * (w_q.transpose() * x_t) * scale;
  const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
  return v.transpose() * (e / e.sum()).matrix();  // bug: k and v are never stored in the cache
}
