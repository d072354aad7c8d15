// kv_cache_decode: One decoding step with a KV cache
// Statement: judge show kv_cache_decode   (中文: judge show kv_cache_decode --lang zh)
// Check:     judge check kv_cache_decode
#include "exercise.h"

Eigen::VectorXf kv_cache_decode(KVCache& cache, const Eigen::VectorXf& x_t, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  // TODO: your code here.
  (void)cache;
  (void)x_t;
  (void)w_q;
  (void)w_k;
  (void)w_v;
  throw not_implemented_error("kv_cache_decode");
}
