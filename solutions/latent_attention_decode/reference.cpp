// Reference: one decoding step of multi-head latent attention (DeepSeek-V2,
// without its decoupled RoPE part), in double precision. The token's latent
// row c_t = x_t W_dkv is appended to the cache first; then K = C W_uk and
// V = C W_uv are expanded from all t + 1 latent rows, and the query
// q = x_t W_q attends them head by head (contiguous column blocks of width
// d_h = w_q.cols() / num_heads, scaled by 1 / sqrt(d_h)); the heads are
// concatenated and multiplied by W_o. Every argument is checked before the
// cache is touched. Memory is no concern here: the reference is not measured
// for memory, only timed.
#include "reference_blocks.h"

namespace reference {

Vector latent_attention_decode(LatentCache& cache, const Vector& x_t, const Matrix& w_q,
                               const Matrix& w_dkv, const Matrix& w_uk, const Matrix& w_uv,
                               const Matrix& w_o, int num_heads) {
  using blocks::require;
  const Eigen::Index d_model = x_t.size();
  require(num_heads >= 1, "latent_attention_decode: num_heads must be at least 1");
  require(w_q.rows() == d_model,
          "latent_attention_decode: w_q needs one row per entry of x_t (d_model)");
  require(w_q.cols() % num_heads == 0,
          "latent_attention_decode: num_heads must divide w_q's columns (h * d_h)");
  const Eigen::Index hd = w_q.cols();
  require(w_dkv.rows() == d_model,
          "latent_attention_decode: w_dkv needs one row per entry of x_t (d_model)");
  const Eigen::Index d_c = w_dkv.cols();
  require(w_uk.rows() == d_c && w_uk.cols() == hd,
          "latent_attention_decode: w_uk must be d_c x (h * d_h)");
  require(w_uv.rows() == d_c && w_uv.cols() == hd,
          "latent_attention_decode: w_uv must be d_c x (h * d_h)");
  require(w_o.rows() == hd && w_o.cols() == d_model,
          "latent_attention_decode: w_o must be (h * d_h) x d_model");
  // A default-constructed cache (c is 0 x 0) is empty; any other cache must
  // have d_c columns (t x 0 is a valid cache only when d_c = 0).
  const bool fresh = cache.c.rows() == 0 && cache.c.cols() == 0;
  require(fresh || cache.c.cols() == d_c, "latent_attention_decode: cache.c must have d_c columns");

  const Eigen::Index t = fresh ? 0 : cache.c.rows();
  Matrix c(t + 1, d_c);
  if (t > 0) c.topRows(t) = cache.c;
  c.row(t) = x_t.transpose() * w_dkv;
  const Matrix q = x_t.transpose() * w_q;  // 1 x (h * d_h)
  const Matrix k = c * w_uk;               // (t + 1) x (h * d_h)
  const Matrix v = c * w_uv;
  const Matrix heads = blocks::multi_head(q, k, v, w_o, num_heads, num_heads);  // 1 x d_model
  cache.c = std::move(c);
  return heads.row(0).transpose();
}

}  // namespace reference
