// Checks everything first, then grows the cache in place with
// conservativeResize and writes the new key and value rows; the attention is
// Eigen expressions over all cached rows.
// expect: accepted
#include "exercise.h"

VectorXf kv_cache_decode(KVCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  const Eigen::Index d = x_t.size(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d)
    throw std::invalid_argument("every weight needs x_t.size() rows");
  if (w_k.cols() != dk) throw std::invalid_argument("w_q and w_k need the same width");
  const bool fresh =
      cache.k.rows() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 && cache.v.cols() == 0;
  if (!fresh && (cache.k.cols() != dk || cache.v.cols() != dv))
    throw std::invalid_argument("the cache's width does not fit the weights");
  if (cache.k.rows() != cache.v.rows())
    throw std::invalid_argument("cache.k and cache.v must have the same number of rows");
  const Eigen::Index t = cache.k.rows();
  cache.k.conservativeResize(t + 1, dk);
  cache.v.conservativeResize(t + 1, dv);
  cache.k.row(t) = x_t.transpose() * w_k;
  cache.v.row(t) = x_t.transpose() * w_v;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  const Eigen::VectorXf s = (cache.k * (w_q.transpose() * x_t)) * scale;
  const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
  return cache.v.transpose() * (e / e.sum()).matrix();
}
