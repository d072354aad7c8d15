// The mistake of solutions/kv_cache_decode/wrong/mutate_before_validate.cpp, written by building zero-filled grown copies of k and v and swapping them into the cache (instead of conservativeResize), then validating, with a two-pass scalar softmax loop.
// expect-mistake: mutate_before_validate
#include "exercise.h"

Eigen::VectorXf kv_cache_decode(KVCache& cache, const Eigen::VectorXf& x_t, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  const Eigen::Index d_model = x_t.size();
  if (w_q.rows() != d_model || w_k.rows() != d_model || w_v.rows() != d_model ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("kv_cache_decode: weights do not fit x_t");
  const Eigen::Index d_k = w_k.cols(), d_v = w_v.cols();
  const bool fresh = cache.k.rows() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 &&
                     cache.v.cols() == 0;

  // Make room for the new token first ...
  const Eigen::Index rows_k = cache.k.rows(), rows_v = cache.v.rows();
  const Eigen::Index width_k = fresh ? d_k : cache.k.cols();
  const Eigen::Index width_v = fresh ? d_v : cache.v.cols();
  Eigen::MatrixXf bigger_k = Eigen::MatrixXf::Zero(rows_k + 1, width_k);
  Eigen::MatrixXf bigger_v = Eigen::MatrixXf::Zero(rows_v + 1, width_v);
  if (rows_k > 0) bigger_k.topRows(rows_k) = cache.k;
  if (rows_v > 0) bigger_v.topRows(rows_v) = cache.v;
  cache.k.swap(bigger_k);
  cache.v.swap(bigger_v);
  // ... then check that the cache fits.
  if (width_k != d_k || width_v != d_v || rows_k != rows_v)
    throw std::invalid_argument("kv_cache_decode: the cache does not fit");

  const Eigen::Index t = rows_k;
  cache.k.row(t) = x_t.transpose() * w_k;
  cache.v.row(t) = x_t.transpose() * w_v;
  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_k > 0 ? 1.0f / std::sqrt(static_cast<float>(d_k)) : 1.0f;

  std::vector<float> w(static_cast<std::size_t>(t + 1));
  float top = -std::numeric_limits<float>::infinity();
  for (Eigen::Index j = 0; j <= t; ++j) {
    w[static_cast<std::size_t>(j)] = q.dot(cache.k.row(j)) * scale;
    top = std::max(top, w[static_cast<std::size_t>(j)]);
  }
  double total = 0.0;
  for (Eigen::Index j = 0; j <= t; ++j) total += (w[static_cast<std::size_t>(j)] = std::exp(w[static_cast<std::size_t>(j)] - top));
  Eigen::VectorXf out = Eigen::VectorXf::Zero(d_v);
  for (Eigen::Index j = 0; j <= t; ++j)
    out += static_cast<float>(w[static_cast<std::size_t>(j)] / total) * cache.v.row(j).transpose();
  return out;
}
