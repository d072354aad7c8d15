// The mistake of solutions/multi_head_attention/wrong/interleaved_heads.cpp, written with scalar loops that read head columns through an index function (no per-head copies) and double accumulators, instead of gathering Eigen column copies.
// expect-mistake: interleaved_heads
#include "exercise.h"

Eigen::MatrixXf multi_head_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v, const Eigen::MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_model = x.cols();
  if (num_heads < 1) throw std::invalid_argument("num_heads must be at least 1");
  if (d_model % num_heads != 0) throw std::invalid_argument("num_heads must divide d_model");
  const Eigen::MatrixXf* weights[] = {&w_q, &w_k, &w_v, &w_o};
  for (const Eigen::MatrixXf* w : weights)
    if (w->rows() != d_model || w->cols() != d_model)
      throw std::invalid_argument("every weight must be d_model x d_model");

  const Eigen::MatrixXf Q = x * w_q, K = x * w_k, V = x * w_v;
  const Eigen::Index n = x.rows(), h = num_heads, d_h = d_model / h;
  const double scale = d_h > 0 ? 1.0 / std::sqrt(static_cast<double>(d_h)) : 1.0;
  // Column of feature c (0 <= c < d_h) of head t.
  auto column = [&](Eigen::Index t, Eigen::Index c) { return t + c * h; };

  Eigen::MatrixXf concat = Eigen::MatrixXf::Zero(n, d_model);
  std::vector<double> p(static_cast<std::size_t>(n));
  for (Eigen::Index t = 0; t < h; ++t) {
    for (Eigen::Index i = 0; i < n; ++i) {
      double top = -std::numeric_limits<double>::infinity();
      for (Eigen::Index j = 0; j < n; ++j) {
        double s = 0.0;
        for (Eigen::Index c = 0; c < d_h; ++c)
          s += static_cast<double>(Q(i, column(t, c))) * K(j, column(t, c));
        p[static_cast<std::size_t>(j)] = s * scale;
        top = std::max(top, p[static_cast<std::size_t>(j)]);
      }
      double total = 0.0;
      for (Eigen::Index j = 0; j < n; ++j) {
        p[static_cast<std::size_t>(j)] = std::exp(p[static_cast<std::size_t>(j)] - top);
        total += p[static_cast<std::size_t>(j)];
      }
      for (Eigen::Index c = 0; c < d_h; ++c) {
        double acc = 0.0;
        for (Eigen::Index j = 0; j < n; ++j) acc += p[static_cast<std::size_t>(j)] * V(j, column(t, c));
        concat(i, column(t, c)) = static_cast<float>(acc / total);
      }
    }
  }
  return concat * w_o;
}
