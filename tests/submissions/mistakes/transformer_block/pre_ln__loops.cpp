// The mistake of solutions/transformer_block/wrong/pre_ln.cpp, written with free helper functions built from scalar loops and double accumulators (no Eigen middleCols()/rowwise expressions).
// expect-mistake: pre_ln
#include "exercise.h"

namespace {

Eigen::MatrixXf normalize_rows(const Eigen::MatrixXf& y, const Eigen::VectorXf& gamma,
                               const Eigen::VectorXf& beta, float eps) {
  const Eigen::Index n = y.rows(), d = y.cols();
  Eigen::MatrixXf out(n, d);
  if (d == 0) return out;
  for (Eigen::Index i = 0; i < n; ++i) {
    double mean = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) mean += y(i, j);
    mean /= static_cast<double>(d);
    double var = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) var += (y(i, j) - mean) * (y(i, j) - mean);
    var /= static_cast<double>(d);
    const double inv = 1.0 / std::sqrt(var + eps);
    for (Eigen::Index j = 0; j < d; ++j)
      out(i, j) = static_cast<float>((y(i, j) - mean) * inv * gamma[j] + beta[j]);
  }
  return out;
}

Eigen::MatrixXf self_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q,
                               const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v,
                               const Eigen::MatrixXf& w_o, int heads) {
  const Eigen::MatrixXf Q = x * w_q, K = x * w_k, V = x * w_v;
  const Eigen::Index n = x.rows(), d = x.cols(), d_h = d / heads;
  const double scale = d_h > 0 ? 1.0 / std::sqrt(static_cast<double>(d_h)) : 1.0;
  Eigen::MatrixXf concat = Eigen::MatrixXf::Zero(n, d);
  std::vector<double> p(static_cast<std::size_t>(n));
  for (int h = 0; h < heads; ++h) {
    const Eigen::Index c0 = h * d_h;
    for (Eigen::Index i = 0; i < n; ++i) {
      double top = -std::numeric_limits<double>::infinity();
      for (Eigen::Index j = 0; j < n; ++j) {
        double s = 0.0;
        for (Eigen::Index c = c0; c < c0 + d_h; ++c) s += static_cast<double>(Q(i, c)) * K(j, c);
        p[static_cast<std::size_t>(j)] = s * scale;
        top = std::max(top, p[static_cast<std::size_t>(j)]);
      }
      double total = 0.0;
      for (Eigen::Index j = 0; j < n; ++j)
        total += (p[static_cast<std::size_t>(j)] = std::exp(p[static_cast<std::size_t>(j)] - top));
      for (Eigen::Index c = c0; c < c0 + d_h; ++c) {
        double acc = 0.0;
        for (Eigen::Index j = 0; j < n; ++j) acc += p[static_cast<std::size_t>(j)] * V(j, c);
        concat(i, c) = static_cast<float>(acc / total);
      }
    }
  }
  return concat * w_o;
}

}  // namespace

Eigen::MatrixXf transformer_block(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v, const Eigen::MatrixXf& w_o, const Eigen::VectorXf& gamma, const Eigen::VectorXf& beta, int num_heads, float eps) {
  const Eigen::Index d = x.cols();
  if (!(eps >= 0.0f)) throw std::invalid_argument("transformer_block: eps must be >= 0");
  if (num_heads < 1 || d % num_heads != 0)
    throw std::invalid_argument("transformer_block: num_heads must be >= 1 and divide d_model");
  if (w_q.rows() != d || w_q.cols() != d || w_k.rows() != d || w_k.cols() != d ||
      w_v.rows() != d || w_v.cols() != d || w_o.rows() != d || w_o.cols() != d)
    throw std::invalid_argument("transformer_block: weights must be d_model x d_model");
  if (gamma.size() != d || beta.size() != d)
    throw std::invalid_argument("transformer_block: gamma and beta need d_model entries");
  const Eigen::MatrixXf normed = normalize_rows(x, gamma, beta, eps);
  return x + self_attention(normed, w_q, w_k, w_v, w_o, num_heads);
}
