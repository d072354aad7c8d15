// Grows the cache first and checks the cache's shape afterwards. Valid calls
// are right, but a refused call (a cache whose width does not fit) throws
// with the cache already changed; it must be left exactly as it came in.
// expect: wrong_answer invalid
// mistake: Cache resized before its shape is validated
// mistake.zh: 在检查缓存形状之前就修改了缓存
// explain: The cache grows first and its width is checked afterwards, so a call with a cache that
// explain: does not fit throws std::invalid_argument with the cache already changed. A refused call
// explain: must leave the cache exactly as it came in: check the weights and the cache's widths and
// explain: row counts before resizing or writing anything.
// explain.zh: 先扩充缓存，之后才检查它的宽度，
// explain.zh: 所以缓存不匹配的调用虽然抛出了 std::invalid_argument，缓存却已经被改动。
// explain.zh: 被拒绝的调用必须让缓存保持原样：在调整大小或写入任何内容之前，
// explain.zh: 先检查权重以及缓存的宽度和行数。
#include "exercise.h"

VectorXf kv_cache_decode(KVCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  const Eigen::Index d = x_t.size(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_k.cols() != dk)
    throw std::invalid_argument("weight shapes do not fit x_t");
  const bool fresh =
      cache.k.rows() == 0 && cache.k.cols() == 0 && cache.v.rows() == 0 && cache.v.cols() == 0;
  const Eigen::Index t = cache.k.rows();
  // bug: the cache is resized before its shape is checked
  cache.k.conservativeResize(t + 1, fresh ? dk : cache.k.cols());
  cache.v.conservativeResize(cache.v.rows() + 1, fresh ? dv : cache.v.cols());
  if (cache.k.cols() != dk || cache.v.cols() != dv || cache.k.rows() != cache.v.rows())
    throw std::invalid_argument("cache shape does not fit");
  cache.k.row(t) = x_t.transpose() * w_k;
  cache.v.row(t) = x_t.transpose() * w_v;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  const Eigen::VectorXf s = cache.k * (w_q.transpose() * x_t) * scale;
  const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
  return cache.v.transpose() * (e / e.sum()).matrix();
}
