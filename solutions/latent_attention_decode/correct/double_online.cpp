// Correct: one pass over the cached rows with an online softmax per head
// (running max, running sum and a running weighted latent row, rescaled when
// the max grows), everything accumulated in double and absorbed: the score of
// row j is c_j . a with a = W_uk_i q_i, and the head is W_uv_i^T times the
// softmax-weighted mean of the latent rows.
// expect: accepted
#include "exercise.h"

#include <cmath>
#include <limits>

VectorXf latent_attention_decode(LatentCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                                 const MatrixXf& w_dkv, const MatrixXf& w_uk, const MatrixXf& w_uv,
                                 const MatrixXf& w_o, int num_heads) {
  using Eigen::Index;
  const Index n = x_t.size();
  if (num_heads < 1) throw std::invalid_argument("need at least one head");
  if (w_q.rows() != n) throw std::invalid_argument("w_q rows");
  if (w_q.cols() % num_heads) throw std::invalid_argument("heads must divide w_q's columns");
  const Index width = w_q.cols(), dh = width / num_heads, dc = w_dkv.cols();
  if (w_dkv.rows() != n) throw std::invalid_argument("w_dkv rows");
  if (w_uk.rows() != dc || w_uk.cols() != width) throw std::invalid_argument("w_uk shape");
  if (w_uv.rows() != dc || w_uv.cols() != width) throw std::invalid_argument("w_uv shape");
  if (w_o.rows() != width || w_o.cols() != n) throw std::invalid_argument("w_o shape");
  if (!(cache.c.rows() == 0 && cache.c.cols() == 0) && cache.c.cols() != dc)
    throw std::invalid_argument("cache width");

  const Eigen::VectorXd x = x_t.cast<double>();
  const Index t = cache.c.rows();
  cache.c.conservativeResize(t + 1, dc);
  cache.c.row(t) = (w_dkv.cast<double>().transpose() * x).cast<float>().transpose();

  const Eigen::VectorXd q = w_q.cast<double>().transpose() * x;
  const double scale = dh ? 1.0 / std::sqrt(static_cast<double>(dh)) : 1.0;
  Eigen::VectorXd concat(width);
  for (int h = 0; h < num_heads; ++h) {
    const Eigen::MatrixXd uk = w_uk.middleCols(h * dh, dh).cast<double>();
    const Eigen::VectorXd a = uk * q.segment(h * dh, dh) * scale;  // d_c
    double m = -std::numeric_limits<double>::infinity(), l = 0;
    Eigen::VectorXd acc = Eigen::VectorXd::Zero(dc);
    for (Index j = 0; j <= t; ++j) {
      const Eigen::VectorXd cj = cache.c.row(j).transpose().cast<double>();
      const double s = cj.dot(a);
      if (s > m) {
        const double r = std::exp(m - s);  // 0 on the first row
        l *= r;
        acc *= r;
        m = s;
      }
      const double e = std::exp(s - m);
      l += e;
      acc += e * cj;
    }
    concat.segment(h * dh, dh) = w_uv.middleCols(h * dh, dh).cast<double>().transpose() * (acc / l);
  }
  return (w_o.cast<double>().transpose() * concat).cast<float>();
}
