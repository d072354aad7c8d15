// Correct: plain float loops over raw indices, the way it is written on a
// whiteboard. Each key and value row of a head is computed from its latent
// row on the fly (k = c_j W_uk, v = c_j W_uv for that head's columns), so
// only d_h numbers at a time are held; two passes for the softmax.
// expect: accepted
#include "exercise.h"

#include <cmath>
#include <vector>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  const int dm = static_cast<int>(x_t.size());
  if (num_heads <= 0 || w_q.rows() != dm || w_q.cols() % num_heads != 0)
    throw std::invalid_argument("w_q / num_heads do not fit");
  const int hd = static_cast<int>(w_q.cols()), dh = hd / num_heads;
  const int dc = static_cast<int>(w_dkv.cols());
  if (w_dkv.rows() != dm || w_uk.rows() != dc || w_uk.cols() != hd || w_uv.rows() != dc ||
      w_uv.cols() != hd || w_o.rows() != hd || w_o.cols() != dm)
    throw std::invalid_argument("weights do not fit");
  int t = static_cast<int>(cache.c.rows());
  if (t == 0 && cache.c.cols() == 0) {
    // LatentCache{}: empty
  } else if (cache.c.cols() != dc) {
    throw std::invalid_argument("cache does not fit");
  }

  std::vector<float> ct(dc, 0.0f);
  for (int k = 0; k < dc; ++k)
    for (int m = 0; m < dm; ++m) ct[k] += x_t(m) * w_dkv(m, k);
  cache.c.conservativeResize(t + 1, dc);
  for (int k = 0; k < dc; ++k) cache.c(t, k) = ct[k];
  ++t;

  std::vector<float> q(hd, 0.0f);
  for (int col = 0; col < hd; ++col)
    for (int m = 0; m < dm; ++m) q[col] += x_t(m) * w_q(m, col);

  const float scale = dh > 0 ? 1.0f / std::sqrt(static_cast<float>(dh)) : 1.0f;
  std::vector<float> concat(hd, 0.0f), s(t), row(dh);
  for (int h = 0; h < num_heads; ++h) {
    const int off = h * dh;
    float mx = -INFINITY;
    for (int j = 0; j < t; ++j) {
      float dot = 0.0f;
      for (int d = 0; d < dh; ++d) {
        float k = 0.0f;
        for (int c = 0; c < dc; ++c) k += cache.c(j, c) * w_uk(c, off + d);
        dot += q[off + d] * k;
      }
      s[j] = dot * scale;
      if (s[j] > mx) mx = s[j];
    }
    float sum = 0.0f;
    for (int j = 0; j < t; ++j) {
      s[j] = std::exp(s[j] - mx);
      sum += s[j];
    }
    for (int j = 0; j < t; ++j) {
      const float p = s[j] / sum;
      for (int d = 0; d < dh; ++d) {
        float v = 0.0f;
        for (int c = 0; c < dc; ++c) v += cache.c(j, c) * w_uv(c, off + d);
        concat[off + d] += p * v;
      }
    }
  }
  VectorXf out = VectorXf::Zero(dm);
  for (int m = 0; m < dm; ++m)
    for (int col = 0; col < hd; ++col) out(m) += concat[col] * w_o(col, m);
  return out;
}
