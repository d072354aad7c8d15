// Attends over the cached rows plus this token's key and value, but never
// stores them: the cache stays as it came in. The first output is right, the
// cache after it is not, and every later step misses the earlier tokens.
// expect: wrong_answer basic
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
