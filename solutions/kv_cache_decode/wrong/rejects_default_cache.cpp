// Checks the cache's width without the exception for a default-constructed
// cache: KVCache{} has 0 x 0 matrices, whose width is not d_k, so the very
// first step of an ordinary decode is refused.
// expect: wrong_answer edge
// mistake: Default-constructed 0 x 0 cache rejected as the wrong width
// mistake.zh: 把默认构造的 0 x 0 缓存当成宽度错误而拒绝
// explain: KVCache{} has 0 x 0 matrices, whose width is not d_k, so the width check refuses the
// explain: very first step of an ordinary decode. A cache whose k and v are both 0 x 0 is an empty
// explain: cache: treat it as t = 0, and check the widths only for any other cache.
// explain.zh: KVCache{} 中的矩阵是 0 x 0，宽度不等于 d_k，于是宽度检查会拒绝一次普通解码的第一步。
// explain.zh: k 和 v 都是 0 x 0 的缓存就是空缓存：把它当作 t = 0，只对其他缓存检查宽度。
#include "exercise.h"

VectorXf kv_cache_decode(KVCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  const Eigen::Index d = x_t.size(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_k.cols() != dk)
    throw std::invalid_argument("weight shapes do not fit x_t");
  // bug: a 0 x 0 cache is empty, not the wrong width
  if (cache.k.cols() != dk || cache.v.cols() != dv || cache.k.rows() != cache.v.rows())
    throw std::invalid_argument("cache shape does not fit");
  const Eigen::Index t = cache.k.rows();
  MatrixXf k(t + 1, dk), v(t + 1, dv);
  k.topRows(t) = cache.k;
  v.topRows(t) = cache.v;
  k.row(t) = x_t.transpose() * w_k;
  v.row(t) = x_t.transpose() * w_v;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  const Eigen::VectorXf s = k * (w_q.transpose() * x_t) * scale;
  const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
  cache.k = k;
  cache.v = v;
  return v.transpose() * (e / e.sum()).matrix();
}
