// An online softmax over the cached rows whose running maximum starts at 0
// instead of -inf. When every score is far below zero (around -400), the
// maximum stays 0, every exp(s - 0) underflows to 0 and the result is 0 / 0.
// expect: wrong_answer stability
// mistake: Online-softmax running max initialised to 0 instead of -inf
// mistake.zh: 在线 softmax 的当前最大值初值设为 0 而不是 -inf
// explain: With the running maximum starting at 0, a decode whose scores are all hundreds below
// explain: zero keeps the maximum at 0, every exp(s - 0) underflows to 0, and the result is
// explain: 0 / 0 = NaN. Start the maximum at -inf (or first take the true maximum over all t + 1
// explain: scores), so that the largest term is exp(0) = 1.
// explain.zh: 当前最大值从 0 开始时，如果一段解码的分数都比 0 低几百，最大值会一直停在 0，
// explain.zh: 每个 exp(s - 0) 都下溢为 0，结果是 0 / 0 = NaN。最大值的初值应为 -inf
// explain.zh: （或者先在全部 t + 1 个分数上求出真正的最大值），这样最大的一项就是 exp(0) = 1。
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
  cache.k.conservativeResize(t + 1, dk);
  cache.v.conservativeResize(t + 1, dv);
  cache.k.row(t) = x_t.transpose() * w_k;
  cache.v.row(t) = x_t.transpose() * w_v;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  const Eigen::RowVectorXf q = (x_t.transpose() * w_q) * scale;
  float m = 0.0f, l = 0.0f;  // bug: the running maximum must start at -inf
  Eigen::RowVectorXf acc = Eigen::RowVectorXf::Zero(dv);
  for (Eigen::Index j = 0; j <= t; ++j) {
    const float s = q.dot(cache.k.row(j));
    const float m_new = std::max(m, s);
    const float c = std::exp(m - m_new), p = std::exp(s - m_new);
    l = l * c + p;
    acc = acc * c + p * cache.v.row(j);
    m = m_new;
  }
  return (acc / l).transpose();
}
