// Plain float loops for the projections, the scores (divided by sqrt(d_k)),
// the softmax and the weighted sum of encoder value rows, normalized last.
// expect: accepted
#include "exercise.h"

#include <vector>

namespace {
MatrixXf project(const MatrixXf& x, const MatrixXf& w) {
  MatrixXf out(x.rows(), w.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i)
    for (Eigen::Index c = 0; c < w.cols(); ++c) {
      float a = 0;
      for (Eigen::Index t = 0; t < x.cols(); ++t) a += x(i, t) * w(t, c);
      out(i, c) = a;
    }
  return out;
}
}  // namespace

MatrixXf cross_attention(const MatrixXf& x_dec, const MatrixXf& x_enc, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  if (w_q.rows() != x_dec.cols() || w_k.rows() != x_enc.cols() || w_v.rows() != x_enc.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("cross_attention: bad shapes");
  const MatrixXf q = project(x_dec, w_q), k = project(x_enc, w_k), v = project(x_enc, w_v);
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  const float root = std::sqrt(static_cast<float>(dk > 0 ? dk : 1));
  MatrixXf out = MatrixXf::Zero(n, dv);
  std::vector<float> w(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < n && m > 0; ++i) {
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) {
      float s = 0;
      for (Eigen::Index c = 0; c < dk; ++c) s += q(i, c) * k(j, c);
      w[j] = s / root;
      mx = std::max(mx, w[j]);
    }
    float sum = 0;
    for (Eigen::Index j = 0; j < m; ++j) sum += (w[j] = std::exp(w[j] - mx));
    for (Eigen::Index j = 0; j < m; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += w[j] * v(j, c);
    for (Eigen::Index c = 0; c < dv; ++c) out(i, c) /= sum;
  }
  return out;
}
