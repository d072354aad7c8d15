// Reference: one step of autoregressive decoding with a KV cache, in double
// precision. The token's key and value rows are appended to the cache first,
// then its query attends every cached row (itself included), scaled by
// 1 / sqrt(d_k). Every argument is checked before the cache is touched.
#include "reference_blocks.h"

namespace reference {

Vector kv_cache_decode(KVCache& cache, const Vector& x_t, const Matrix& w_q, const Matrix& w_k,
                       const Matrix& w_v) {
  using blocks::require;
  const Eigen::Index d_model = x_t.size();
  require(w_q.rows() == d_model, "kv_cache_decode: w_q needs one row per entry of x_t (d_model)");
  require(w_k.rows() == d_model, "kv_cache_decode: w_k needs one row per entry of x_t (d_model)");
  require(w_v.rows() == d_model, "kv_cache_decode: w_v needs one row per entry of x_t (d_model)");
  require(w_q.cols() == w_k.cols(),
          "kv_cache_decode: w_q and w_k need the same number of columns (d_k)");
  const Eigen::Index d_k = w_k.cols(), d_v = w_v.cols();
  // A default-constructed cache (k and v both 0 x 0) is empty; any other cache
  // must be t x d_k and t x d_v.
  const bool fresh =
      cache.k.rows() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 && cache.v.cols() == 0;
  if (!fresh) {
    require(cache.k.cols() == d_k, "kv_cache_decode: cache.k must have d_k columns");
    require(cache.v.cols() == d_v, "kv_cache_decode: cache.v must have d_v columns");
    require(cache.k.rows() == cache.v.rows(),
            "kv_cache_decode: cache.k and cache.v need the same number of rows");
  }
  const Eigen::Index t = fresh ? 0 : cache.k.rows();
  Matrix k(t + 1, d_k), v(t + 1, d_v);
  if (t > 0) {
    k.topRows(t) = cache.k;
    v.topRows(t) = cache.v;
  }
  k.row(t) = x_t.transpose() * w_k;
  v.row(t) = x_t.transpose() * w_v;
  const Matrix q = x_t.transpose() * w_q;
  const Vector out = blocks::attention(q, k, v, blocks::inverse_sqrt(d_k)).row(0).transpose();
  cache.k = std::move(k);
  cache.v = std::move(v);
  return out;
}

}  // namespace reference
