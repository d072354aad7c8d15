// The mistake of solutions/grouped_query_attention/wrong/kv_modulo.cpp, written with scalar loops over head columns and double accumulators (std::vector of weights) instead of Eigen middleCols() products.
// expect-mistake: kv_modulo
#include "exercise.h"

Eigen::MatrixXf grouped_query_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v, const Eigen::MatrixXf& w_o, int num_heads, int num_kv_heads) {
  const Eigen::Index d_model = x.cols();
  if (num_heads < 1 || num_kv_heads < 1) throw std::invalid_argument("head counts must be >= 1");
  if (num_heads % num_kv_heads != 0) throw std::invalid_argument("num_kv_heads must divide num_heads");
  if (w_q.rows() != d_model) throw std::invalid_argument("w_q needs d_model rows");
  if (w_q.cols() % num_heads != 0) throw std::invalid_argument("w_q needs num_heads * d_h columns");
  const Eigen::Index d_h = w_q.cols() / num_heads;
  if (w_k.rows() != d_model || w_k.cols() != num_kv_heads * d_h)
    throw std::invalid_argument("w_k must be d_model x (num_kv_heads * d_h)");
  if (w_v.rows() != d_model || w_v.cols() != num_kv_heads * d_h)
    throw std::invalid_argument("w_v must be d_model x (num_kv_heads * d_h)");
  if (w_o.rows() != num_heads * d_h || w_o.cols() != d_model)
    throw std::invalid_argument("w_o must be (num_heads * d_h) x d_model");

  const Eigen::MatrixXf Q = x * w_q, K = x * w_k, V = x * w_v;
  const Eigen::Index n = x.rows();
  const double scale = d_h > 0 ? 1.0 / std::sqrt(static_cast<double>(d_h)) : 1.0;
  Eigen::MatrixXf concat = Eigen::MatrixXf::Zero(n, num_heads * d_h);
  std::vector<double> p(static_cast<std::size_t>(n));
  for (int head = 0; head < num_heads; ++head) {
    const int group = head % num_kv_heads;
    const Eigen::Index qc = head * d_h, kc = group * d_h;
    for (Eigen::Index i = 0; i < n; ++i) {
      double top = -std::numeric_limits<double>::infinity();
      for (Eigen::Index j = 0; j < n; ++j) {
        double s = 0.0;
        for (Eigen::Index c = 0; c < d_h; ++c) s += static_cast<double>(Q(i, qc + c)) * K(j, kc + c);
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
        for (Eigen::Index j = 0; j < n; ++j) acc += p[static_cast<std::size_t>(j)] * V(j, kc + c);
        concat(i, qc + c) = static_cast<float>(acc / total);
      }
    }
  }
  return concat * w_o;
}
