// Correct: Eigen expressions that follow the definition head by head: append
// the latent row, then expand K_h = C W_uk[:, head] and V_h = C W_uv[:, head]
// for one head at a time (t x d_h each, never the whole t x h*d_h), stable
// softmax, and the concatenated heads times W_o.
// expect: accepted
#include "exercise.h"

#include <cmath>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x_t.size();
  if (num_heads <= 0) throw std::invalid_argument("num_heads must be positive");
  if (w_q.rows() != d_model || w_q.cols() % num_heads != 0)
    throw std::invalid_argument("w_q must be d_model x (h * d_h)");
  const Eigen::Index hd = w_q.cols(), d_h = hd / num_heads, d_c = w_dkv.cols();
  if (w_dkv.rows() != d_model) throw std::invalid_argument("w_dkv must have d_model rows");
  if (w_uk.rows() != d_c || w_uk.cols() != hd || w_uv.rows() != d_c || w_uv.cols() != hd)
    throw std::invalid_argument("w_uk and w_uv must be d_c x (h * d_h)");
  if (w_o.rows() != hd || w_o.cols() != d_model)
    throw std::invalid_argument("w_o must be (h * d_h) x d_model");
  const bool empty = cache.c.rows() == 0 && cache.c.cols() == 0;
  if (!empty && cache.c.cols() != d_c) throw std::invalid_argument("cache.c must have d_c columns");

  const Eigen::Index t = empty ? 0 : cache.c.rows();
  cache.c.conservativeResize(t + 1, d_c);
  cache.c.row(t) = x_t.transpose() * w_dkv;

  const Eigen::RowVectorXf q = x_t.transpose() * w_q;
  const float scale = d_h > 0 ? 1.0f / std::sqrt(static_cast<float>(d_h)) : 1.0f;
  Eigen::RowVectorXf heads(hd);
  for (int h = 0; h < num_heads; ++h) {
    const MatrixXf k = cache.c * w_uk.middleCols(h * d_h, d_h);  // (t + 1) x d_h
    const MatrixXf v = cache.c * w_uv.middleCols(h * d_h, d_h);
    Eigen::VectorXf s = (k * q.segment(h * d_h, d_h).transpose()) * scale;
    const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    heads.segment(h * d_h, d_h) = (v.transpose() * (e / e.sum()).matrix()).transpose();
  }
  return (heads * w_o).transpose();
}
