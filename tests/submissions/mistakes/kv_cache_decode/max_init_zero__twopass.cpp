// The mistake of solutions/kv_cache_decode/wrong/max_init_zero.cpp, written as a two-pass softmax over a std::vector of all t + 1 scores (the maximum found by a loop seeded with 0) instead of an online running max/sum.
// expect-mistake: max_init_zero
#include "exercise.h"

Eigen::VectorXf kv_cache_decode(KVCache& cache, const Eigen::VectorXf& x_t, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  const Eigen::Index d = x_t.size();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_q.cols() != w_k.cols())
    throw std::invalid_argument("kv_cache_decode: weights do not fit x_t");
  const Eigen::Index dk = w_k.cols(), dv = w_v.cols();
  const bool empty_default = cache.k.size() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 &&
                             cache.v.cols() == 0 && cache.k.rows() == 0;
  if (!empty_default &&
      (cache.k.cols() != dk || cache.v.cols() != dv || cache.k.rows() != cache.v.rows()))
    throw std::invalid_argument("kv_cache_decode: cache does not fit");
  const Eigen::Index t = empty_default ? 0 : cache.k.rows();

  Eigen::MatrixXf keys(t + 1, dk), vals(t + 1, dv);
  if (t > 0) {
    keys.topRows(t) = cache.k;
    vals.topRows(t) = cache.v;
  }
  keys.row(t) = (w_k.transpose() * x_t).transpose();
  vals.row(t) = (w_v.transpose() * x_t).transpose();
  cache.k = keys;
  cache.v = vals;

  const Eigen::VectorXf q = w_q.transpose() * x_t;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  std::vector<float> score(static_cast<std::size_t>(t + 1));
  float biggest = 0.0f;
  for (Eigen::Index j = 0; j <= t; ++j) {
    score[static_cast<std::size_t>(j)] = keys.row(j).dot(q) * scale;
    if (score[static_cast<std::size_t>(j)] > biggest) biggest = score[static_cast<std::size_t>(j)];
  }
  float denom = 0.0f;
  Eigen::VectorXf mix = Eigen::VectorXf::Zero(dv);
  for (Eigen::Index j = 0; j <= t; ++j) {
    const float e = std::exp(score[static_cast<std::size_t>(j)] - biggest);
    denom += e;
    mix += e * vals.row(j).transpose();
  }
  return mix / denom;
}
