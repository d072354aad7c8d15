// The mistake of solutions/transformer_block/wrong/one_pass_variance.cpp, written inside one function with helper lambdas and scalar float loops (running sums of y and y^2) instead of Eigen mean()/square().mean() calls in separate functions.
// expect-mistake: one_pass_variance
#include "exercise.h"

Eigen::MatrixXf transformer_block(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v, const Eigen::MatrixXf& w_o, const Eigen::VectorXf& gamma, const Eigen::VectorXf& beta, int num_heads, float eps) {
  const Eigen::Index d_model = x.cols(), n = x.rows();
  if (!(eps >= 0)) throw std::invalid_argument("transformer_block: eps must be >= 0 and not NaN");
  if (num_heads < 1 || d_model % num_heads != 0)
    throw std::invalid_argument("transformer_block: bad num_heads");
  auto fits = [&](const Eigen::MatrixXf& w) { return w.rows() == d_model && w.cols() == d_model; };
  if (!fits(w_q) || !fits(w_k) || !fits(w_v) || !fits(w_o))
    throw std::invalid_argument("transformer_block: weights must be d_model x d_model");
  if (gamma.size() != d_model || beta.size() != d_model)
    throw std::invalid_argument("transformer_block: gamma and beta need d_model entries");
  if (d_model == 0) return Eigen::MatrixXf(n, 0);

  const Eigen::Index d_h = d_model / num_heads;
  const float scale = 1.0f / std::sqrt(static_cast<float>(d_h));
  const Eigen::MatrixXf Q = x * w_q, K = x * w_k, V = x * w_v;

  // One head's softmax(Q K^T) V for query i, written into the concatenation.
  Eigen::MatrixXf heads = Eigen::MatrixXf::Zero(n, d_model);
  std::vector<float> w(static_cast<std::size_t>(n));
  auto attend = [&](int head, Eigen::Index i) {
    const Eigen::Index c0 = head * d_h;
    float top = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < n; ++j) {
      float s = 0.0f;
      for (Eigen::Index c = 0; c < d_h; ++c) s += Q(i, c0 + c) * K(j, c0 + c);
      w[static_cast<std::size_t>(j)] = s * scale;
      top = std::max(top, w[static_cast<std::size_t>(j)]);
    }
    float total = 0.0f;
    for (Eigen::Index j = 0; j < n; ++j) total += (w[static_cast<std::size_t>(j)] = std::exp(w[static_cast<std::size_t>(j)] - top));
    for (Eigen::Index j = 0; j < n; ++j)
      for (Eigen::Index c = 0; c < d_h; ++c)
        heads(i, c0 + c) += w[static_cast<std::size_t>(j)] / total * V(j, c0 + c);
  };
  for (int h = 0; h < num_heads; ++h)
    for (Eigen::Index i = 0; i < n; ++i) attend(h, i);

  const Eigen::MatrixXf y = x + heads * w_o;
  Eigen::MatrixXf out(n, d_model);
  for (Eigen::Index i = 0; i < n; ++i) {
    float sum = 0.0f, sum_sq = 0.0f;
    for (Eigen::Index j = 0; j < d_model; ++j) {
      sum += y(i, j);
      sum_sq += y(i, j) * y(i, j);
    }
    const float mean = sum / static_cast<float>(d_model);
    const float var = sum_sq / static_cast<float>(d_model) - mean * mean;
    const float inv = 1.0f / std::sqrt(var + eps);
    for (Eigen::Index j = 0; j < d_model; ++j)
      out(i, j) = (y(i, j) - mean) * inv * gamma[j] + beta[j];
  }
  return out;
}
