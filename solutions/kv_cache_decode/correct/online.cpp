// One pass over the cached rows with an online softmax (running max, running
// sum, rescaled accumulator), the new token's row folded in last; the cache
// grows by building the new matrices with block assignments.
// expect: accepted
#include "exercise.h"

VectorXf kv_cache_decode(KVCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  const Eigen::Index d = x_t.size(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_k.cols() != dk)
    throw std::invalid_argument("kv_cache_decode: weight shapes");
  const bool is_default =
      cache.k.rows() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 && cache.v.cols() == 0;
  if (!is_default) {
    if (cache.k.cols() != dk) throw std::invalid_argument("cache.k width");
    if (cache.v.cols() != dv) throw std::invalid_argument("cache.v width");
    if (cache.k.rows() != cache.v.rows()) throw std::invalid_argument("cache rows");
  }
  const Eigen::Index t = is_default ? 0 : cache.k.rows();
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  const Eigen::RowVectorXf q = (x_t.transpose() * w_q) * scale;
  const Eigen::RowVectorXf k_t = x_t.transpose() * w_k;
  const Eigen::RowVectorXf v_t = x_t.transpose() * w_v;
  float m = -std::numeric_limits<float>::infinity(), l = 0;
  Eigen::RowVectorXf acc = Eigen::RowVectorXf::Zero(dv);
  auto fold = [&](float s, const Eigen::RowVectorXf& value) {
    const float m_new = std::max(m, s);
    const float c = std::exp(m - m_new);
    const float p = std::exp(s - m_new);
    l = l * c + p;
    acc = acc * c + p * value;
    m = m_new;
  };
  for (Eigen::Index j = 0; j < t; ++j) fold(q.dot(cache.k.row(j)), cache.v.row(j));
  fold(q.dot(k_t), v_t);
  MatrixXf k(t + 1, dk), v(t + 1, dv);
  if (t > 0) {  // a 0 x 0 default cache has no block to copy
    k.topRows(t) = cache.k;
    v.topRows(t) = cache.v;
  }
  k.row(t) = k_t;
  v.row(t) = v_t;
  cache.k.swap(k);
  cache.v.swap(v);
  return (acc / l).transpose();
}
