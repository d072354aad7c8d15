// The mistake of solutions/causal_self_attention/wrong/no_scaling.cpp, written with helper lambdas and scalar loops over a std::vector of visible scores instead of Eigen topRows() products.
// expect-mistake: no_scaling
#include "exercise.h"

Eigen::MatrixXf causal_self_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  const Eigen::Index d_model = x.cols();
  if (w_q.rows() != d_model || w_k.rows() != d_model || w_v.rows() != d_model ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("causal_self_attention: weight shapes do not fit");
  const Eigen::MatrixXf Q = x * w_q, K = x * w_k, V = x * w_v;
  const Eigen::Index n = x.rows(), d_k = Q.cols(), d_v = V.cols();

  auto score = [&](Eigen::Index i, Eigen::Index j) {
    double acc = 0.0;
    for (Eigen::Index c = 0; c < d_k; ++c) acc += static_cast<double>(Q(i, c)) * K(j, c);
    return acc;
  };
  auto stable_softmax = [](std::vector<double>& z) {
    double peak = -std::numeric_limits<double>::infinity();
    for (double value : z) peak = std::max(peak, value);
    double total = 0.0;
    for (double& value : z) total += (value = std::exp(value - peak));
    for (double& value : z) value /= total;
  };

  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, d_v);
  std::vector<double> z;
  for (Eigen::Index i = 0; i < n; ++i) {
    z.assign(static_cast<std::size_t>(i + 1), 0.0);
    for (Eigen::Index j = 0; j <= i; ++j) z[static_cast<std::size_t>(j)] = score(i, j);
    stable_softmax(z);
    for (Eigen::Index j = 0; j <= i; ++j)
      for (Eigen::Index c = 0; c < d_v; ++c)
        out(i, c) += static_cast<float>(z[static_cast<std::size_t>(j)] * V(j, c));
  }
  return out;
}
