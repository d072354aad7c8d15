// Appends the latent row first and checks the cache's width afterwards.
// Valid calls are right, but a refused call (a cache of the wrong width)
// throws with the cache already grown; it must be left exactly as it came in.
// expect: wrong_answer invalid
// mistake: Cache grown before its shape is validated
// mistake.zh: 在检查缓存形状之前就修改了缓存
// explain: The cache grows first and its width is checked afterwards, so a call with a cache that
// explain: does not fit throws std::invalid_argument with the cache already changed. A refused call
// explain: must leave the cache exactly as it came in: check num_heads, every weight and the cache's
// explain: width before resizing or writing anything.
// explain.zh: 先扩充缓存，之后才检查它的宽度，
// explain.zh: 所以缓存不匹配的调用虽然抛出了 std::invalid_argument，缓存却已经被改动。
// explain.zh: 被拒绝的调用必须让缓存保持原样：在调整大小或写入任何内容之前，
// explain.zh: 先检查 num_heads、每个权重以及缓存的宽度。
#include "exercise.h"

#include <cmath>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x_t.size();
  if (num_heads <= 0 || w_q.rows() != d_model || w_q.cols() % num_heads != 0)
    throw std::invalid_argument("w_q and num_heads do not fit");
  const Eigen::Index hd = w_q.cols(), d_h = hd / num_heads, d_c = w_dkv.cols();
  if (w_dkv.rows() != d_model || w_uk.rows() != d_c || w_uk.cols() != hd ||
      w_uv.rows() != d_c || w_uv.cols() != hd || w_o.rows() != hd || w_o.cols() != d_model)
    throw std::invalid_argument("weights do not fit");
  // bug: the cache grows before its width is checked
  const Eigen::Index t = cache.c.rows();
  const Eigen::Index old_cols = cache.c.cols();
  cache.c.conservativeResize(t + 1, d_c);
  if (!(t == 0 && old_cols == 0) && old_cols != d_c)
    throw std::invalid_argument("cache does not fit");
  cache.c.row(t) = x_t.transpose() * w_dkv;

  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  Eigen::RowVectorXf heads(hd);
  for (int h = 0; h < num_heads; ++h) {
    const MatrixXf k = cache.c * w_uk.middleCols(h * d_h, d_h);
    const MatrixXf v = cache.c * w_uv.middleCols(h * d_h, d_h);
    const Eigen::VectorXf s = (k * q.segment(h * d_h, d_h).transpose()) * scale;
    const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    heads.segment(h * d_h, d_h) = (v.transpose() * (e / e.sum()).matrix()).transpose();
  }
  return (heads * w_o).transpose();
}
