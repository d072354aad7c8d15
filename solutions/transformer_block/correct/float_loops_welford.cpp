// Float loops throughout; the layer norm takes the mean and the biased
// variance in one pass with Welford's update, which stays accurate when a
// row's mean is far larger than its spread.
// expect: accepted
#include "exercise.h"

namespace {
MatrixXf matmul(const MatrixXf& a, const MatrixXf& b) {
  MatrixXf out(a.rows(), b.cols());
  for (Eigen::Index i = 0; i < a.rows(); ++i)
    for (Eigen::Index j = 0; j < b.cols(); ++j) {
      float acc = 0.0f;
      for (Eigen::Index t = 0; t < a.cols(); ++t) acc += a(i, t) * b(t, j);
      out(i, j) = acc;
    }
  return out;
}
}  // namespace

MatrixXf transformer_block(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                           const MatrixXf& w_v, const MatrixXf& w_o, const VectorXf& gamma,
                           const VectorXf& beta, int num_heads, float eps) {
  const Eigen::Index n = x.rows(), d = x.cols();
  if (std::isnan(eps) || eps < 0) throw std::invalid_argument("eps");
  if (num_heads < 1 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  if (w_q.rows() != d || w_q.cols() != d || w_k.rows() != d || w_k.cols() != d ||
      w_v.rows() != d || w_v.cols() != d || w_o.rows() != d || w_o.cols() != d)
    throw std::invalid_argument("weights");
  if (gamma.size() != d || beta.size() != d) throw std::invalid_argument("gamma/beta");
  const Eigen::Index d_h = d / num_heads;
  const MatrixXf q = matmul(x, w_q), k = matmul(x, w_k), v = matmul(x, w_v);
  MatrixXf concat = MatrixXf::Zero(n, d);
  std::vector<float> p(static_cast<std::size_t>(n));
  for (int h = 0; h < num_heads; ++h)
    for (Eigen::Index i = 0; i < n; ++i) {
      float m = -std::numeric_limits<float>::infinity();
      for (Eigen::Index j = 0; j < n; ++j) {
        float s = 0.0f;
        for (Eigen::Index t = h * d_h; t < (h + 1) * d_h; ++t) s += q(i, t) * k(j, t);
        p[j] = s / std::sqrt(static_cast<float>(d_h));
        m = std::max(m, p[j]);
      }
      float sum = 0.0f;
      for (Eigen::Index j = 0; j < n; ++j) sum += (p[j] = std::exp(p[j] - m));
      for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index t = h * d_h; t < (h + 1) * d_h; ++t) concat(i, t) += p[j] * v(j, t) / sum;
    }
  MatrixXf y = x + matmul(concat, w_o);
  for (Eigen::Index i = 0; i < n; ++i) {
    float mean = 0.0f, m2 = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) {
      const float delta = y(i, j) - mean;
      mean += delta / static_cast<float>(j + 1);
      m2 += delta * (y(i, j) - mean);
    }
    const float denom = std::sqrt(m2 / static_cast<float>(d) + eps);
    for (Eigen::Index j = 0; j < d; ++j) y(i, j) = (y(i, j) - mean) / denom * gamma(j) + beta(j);
  }
  return y;
}
