// Builds new key and value matrices (old rows stacked over the new one with
// the comma initializer), runs the attention in float loops, and only then
// moves the new matrices into the cache.
// expect: accepted
#include "exercise.h"

#include <utility>
#include <vector>

VectorXf kv_cache_decode(KVCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  const Eigen::Index d = x_t.size(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_k.cols() != dk)
    throw std::invalid_argument("kv_cache_decode: weight shapes");
  const bool empty_default =
      cache.k.size() == 0 && cache.v.size() == 0 && cache.k.cols() == 0 && cache.v.cols() == 0;
  if (!empty_default &&
      (cache.k.cols() != dk || cache.v.cols() != dv || cache.k.rows() != cache.v.rows()))
    throw std::invalid_argument("kv_cache_decode: cache shape");
  const Eigen::Index t = empty_default ? 0 : cache.k.rows();
  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const Eigen::RowVectorXf k_t = x_t.transpose() * w_k;
  const Eigen::RowVectorXf v_t = x_t.transpose() * w_v;
  MatrixXf k(t + 1, dk), v(t + 1, dv);
  if (t == 0) {
    k = k_t;
    v = v_t;
  } else {
    k << cache.k, k_t;
    v << cache.v, v_t;
  }
  std::vector<float> w(static_cast<std::size_t>(t + 1));
  float mx = -std::numeric_limits<float>::infinity();
  for (Eigen::Index j = 0; j <= t; ++j) {
    float s = 0;
    for (Eigen::Index c = 0; c < dk; ++c) s += q(c) * k(j, c);
    w[j] = dk > 0 ? s / std::sqrt(static_cast<float>(dk)) : s;
    mx = std::max(mx, w[j]);
  }
  float sum = 0;
  for (float& x : w) sum += (x = std::exp(x - mx));
  VectorXf out = VectorXf::Zero(dv);
  for (Eigen::Index j = 0; j <= t; ++j)
    for (Eigen::Index c = 0; c < dv; ++c) out(c) += w[j] / sum * v(j, c);
  cache.k = std::move(k);
  cache.v = std::move(v);
  return out;
}
