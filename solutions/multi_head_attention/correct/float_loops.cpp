// Plain float loops for everything: the projections, each head's scores and
// softmax (max shift, exp, sum, divide), the weighted sum of values, and the
// output projection.
// expect: accepted
#include "exercise.h"

namespace {
MatrixXf project(const MatrixXf& x, const MatrixXf& w) {
  MatrixXf out(x.rows(), w.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index j = 0; j < w.cols(); ++j) {
      float acc = 0.0f;
      for (Eigen::Index t = 0; t < x.cols(); ++t) acc += x(i, t) * w(t, j);
      out(i, j) = acc;
    }
  return out;
}
}  // namespace

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index n = x.rows(), d = x.cols();
  if (num_heads < 1) throw std::invalid_argument("num_heads < 1");
  if (d % num_heads != 0) throw std::invalid_argument("num_heads does not divide d_model");
  if (w_q.rows() != d || w_q.cols() != d || w_k.rows() != d || w_k.cols() != d ||
      w_v.rows() != d || w_v.cols() != d || w_o.rows() != d || w_o.cols() != d)
    throw std::invalid_argument("weights must be d_model x d_model");
  const Eigen::Index d_h = d / num_heads;
  const MatrixXf q = project(x, w_q), k = project(x, w_k), v = project(x, w_v);
  MatrixXf concat = MatrixXf::Zero(n, d);
  std::vector<float> p(static_cast<std::size_t>(n));
  for (int h = 0; h < num_heads; ++h) {
    const Eigen::Index c0 = h * d_h;
    for (Eigen::Index i = 0; i < n; ++i) {
      float m = -std::numeric_limits<float>::infinity();
      for (Eigen::Index j = 0; j < n; ++j) {
        float s = 0.0f;
        for (Eigen::Index t = 0; t < d_h; ++t) s += q(i, c0 + t) * k(j, c0 + t);
        p[j] = s / std::sqrt(static_cast<float>(d_h));
        m = std::max(m, p[j]);
      }
      float sum = 0.0f;
      for (Eigen::Index j = 0; j < n; ++j) {
        p[j] = std::exp(p[j] - m);
        sum += p[j];
      }
      for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index t = 0; t < d_h; ++t) concat(i, c0 + t) += p[j] / sum * v(j, c0 + t);
    }
  }
  return project(concat, w_o);
}
