// The mistake of solutions/kv_cache_decode/wrong/attend_before_append.cpp, written with scalar loops for the projections and the softmax (std::vector buffers, double sums) instead of Eigen matrix-vector products.
// expect-mistake: attend_before_append
#include "exercise.h"

Eigen::VectorXf kv_cache_decode(KVCache& cache, const Eigen::VectorXf& x_t, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  const Eigen::Index d_model = x_t.size();
  if (w_q.rows() != d_model || w_k.rows() != d_model || w_v.rows() != d_model)
    throw std::invalid_argument("kv_cache_decode: each weight needs d_model rows");
  if (w_q.cols() != w_k.cols())
    throw std::invalid_argument("kv_cache_decode: w_q and w_k need the same width");
  const Eigen::Index d_k = w_k.cols(), d_v = w_v.cols();
  const bool brand_new = cache.k.rows() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 &&
                         cache.v.cols() == 0;
  if (!brand_new) {
    if (cache.k.cols() != d_k || cache.v.cols() != d_v || cache.k.rows() != cache.v.rows())
      throw std::invalid_argument("kv_cache_decode: the cache does not fit");
  }
  const Eigen::Index t = brand_new ? 0 : cache.k.rows();

  auto project = [&](const Eigen::MatrixXf& w) {
    std::vector<float> r(static_cast<std::size_t>(w.cols()));
    for (Eigen::Index c = 0; c < w.cols(); ++c) {
      double acc = 0.0;
      for (Eigen::Index a = 0; a < d_model; ++a) acc += static_cast<double>(x_t[a]) * w(a, c);
      r[static_cast<std::size_t>(c)] = static_cast<float>(acc);
    }
    return r;
  };
  const std::vector<float> q = project(w_q), k_new = project(w_k), v_new = project(w_v);

  // Attend over the rows already in the cache.
  Eigen::VectorXf out = Eigen::VectorXf::Zero(d_v);
  if (t > 0) {
    const double scale = d_k > 0 ? 1.0 / std::sqrt(static_cast<double>(d_k)) : 1.0;
    std::vector<double> p(static_cast<std::size_t>(t));
    double top = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < t; ++j) {
      double s = 0.0;
      for (Eigen::Index c = 0; c < d_k; ++c) s += static_cast<double>(q[static_cast<std::size_t>(c)]) * cache.k(j, c);
      p[static_cast<std::size_t>(j)] = s * scale;
      top = std::max(top, p[static_cast<std::size_t>(j)]);
    }
    double total = 0.0;
    for (Eigen::Index j = 0; j < t; ++j) total += (p[static_cast<std::size_t>(j)] = std::exp(p[static_cast<std::size_t>(j)] - top));
    for (Eigen::Index c = 0; c < d_v; ++c) {
      double acc = 0.0;
      for (Eigen::Index j = 0; j < t; ++j) acc += p[static_cast<std::size_t>(j)] * cache.v(j, c);
      out[c] = static_cast<float>(acc / total);
    }
  }

  // Then store this token's key and value.
  Eigen::MatrixXf grown_k(t + 1, d_k), grown_v(t + 1, d_v);
  for (Eigen::Index j = 0; j < t; ++j) {
    for (Eigen::Index c = 0; c < d_k; ++c) grown_k(j, c) = cache.k(j, c);
    for (Eigen::Index c = 0; c < d_v; ++c) grown_v(j, c) = cache.v(j, c);
  }
  for (Eigen::Index c = 0; c < d_k; ++c) grown_k(t, c) = k_new[static_cast<std::size_t>(c)];
  for (Eigen::Index c = 0; c < d_v; ++c) grown_v(t, c) = v_new[static_cast<std::size_t>(c)];
  cache.k = grown_k;
  cache.v = grown_v;
  return out;
}
