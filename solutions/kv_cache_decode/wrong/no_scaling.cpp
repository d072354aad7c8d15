// Forgets the 1 / sqrt(d_k) factor on the scores: the weights come out too
// peaked whenever d_k > 1, and the outputs no longer match causal attention.
// expect: wrong_answer basic
// mistake: Scores not divided by sqrt(d_k)
// mistake.zh: 分数没有除以 sqrt(d_k)
// explain: The scores q_t . cache.k[j] are used unscaled, so the weights come out too peaked
// explain: whenever d_k > 1 and the outputs no longer match causal self-attention. Multiply every
// explain: score by 1 / sqrt(d_k) with d_k = w_q.cols() (and use 1 when d_k = 0).
// explain.zh: 分数 q_t . cache.k[j] 没有缩放，d_k > 1 时权重分布过于尖锐，
// explain.zh: 输出也就不再与因果自注意力一致。应把每个分数乘以 1 / sqrt(d_k)，其中 d_k = w_q.cols()
// explain.zh: （d_k = 0 时取 1）。
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
  cache.k = k;
  cache.v = v;
  const Eigen::VectorXf s = k * (w_q.transpose() * x_t);  // bug: not divided by sqrt(d_k)
  const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
  return v.transpose() * (e / e.sum()).matrix();
}
