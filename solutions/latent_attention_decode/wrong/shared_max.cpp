// Gives every head its own softmax sum but subtracts one maximum, taken over
// all heads' scores. When one head's scores reach 1600 and another's are a
// few hundredths, every exp in the small head underflows to 0 and that head
// becomes 0 / 0.
// expect: wrong_answer stability
// mistake: One maximum shared by all heads in the softmax
// mistake.zh: softmax 中所有头共用一个最大值
// explain: Subtracting the largest score over all heads is safe only while the heads' scores are of
// explain: similar size. A head whose scores are all far below another head's maximum gets exp(s -
// explain: max) = 0 for every key, and its weights become 0 / 0 = NaN. Each head's softmax must
// explain: subtract that head's own maximum over its t + 1 scores.
// explain.zh: 只有各个头的分数大小相近时，减去所有头中的最大分数才是安全的。如果某个头的分数都远小于
// explain.zh: 另一个头的最大值，它的每个 exp(s - max) 都是 0，权重变成 0 / 0 = NaN。
// explain.zh: 每个头的 softmax 都必须减去该头自己 t + 1 个分数中的最大值。
#include "exercise.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x_t.size();
  if (num_heads < 1) throw std::invalid_argument("num_heads < 1");
  const Eigen::Index hd = w_q.cols();
  if (w_q.rows() != d_model || hd % num_heads != 0) throw std::invalid_argument("bad w_q");
  const Eigen::Index d_h = hd / num_heads, d_c = w_dkv.cols();
  if (w_dkv.rows() != d_model) throw std::invalid_argument("bad w_dkv");
  if (w_uk.rows() != d_c || w_uk.cols() != hd) throw std::invalid_argument("bad w_uk");
  if (w_uv.rows() != d_c || w_uv.cols() != hd) throw std::invalid_argument("bad w_uv");
  if (w_o.rows() != hd || w_o.cols() != d_model) throw std::invalid_argument("bad w_o");
  const bool fresh = cache.c.rows() == 0 && cache.c.cols() == 0;
  if (!fresh && cache.c.cols() != d_c) throw std::invalid_argument("cache width is not d_c");

  const Eigen::Index t = fresh ? 0 : cache.c.rows();
  MatrixXf grown(t + 1, d_c);
  if (t > 0) grown.topRows(t) = cache.c;
  grown.row(t) = x_t.transpose() * w_dkv;
  cache.c.swap(grown);
  const MatrixXf& c = cache.c;

  const VectorXf q = w_q.transpose() * x_t;
  const float inv = d_h == 0 ? 1.0f : 1.0f / std::sqrt(float(d_h));
  std::vector<VectorXf> scores(num_heads);
  float top = -std::numeric_limits<float>::infinity();
  for (int i = 0; i < num_heads; ++i) {
    scores[i] = (c * (w_uk.middleCols(i * d_h, d_h) * q.segment(i * d_h, d_h))) * inv;
    top = std::max(top, scores[i].maxCoeff());
  }
  VectorXf concat(hd);
  for (int i = 0; i < num_heads; ++i) {
    // bug: the maximum of all heads, not of head i
    VectorXf p = (scores[i].array() - top).exp().matrix();
    p /= p.sum();
    concat.segment(i * d_h, d_h) = w_uv.middleCols(i * d_h, d_h).transpose() * (c.transpose() * p);
  }
  return w_o.transpose() * concat;
}
