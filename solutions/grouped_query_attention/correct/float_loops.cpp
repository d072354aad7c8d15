// Float loops organised the way a KV-cache kernel is: the outer loop walks the
// key/value heads and the inner loop the query heads that share each one.
// expect: accepted
#include "exercise.h"

MatrixXf grouped_query_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                                 const MatrixXf& w_v, const MatrixXf& w_o, int num_heads,
                                 int num_kv_heads) {
  const Eigen::Index n = x.rows(), d_model = x.cols();
  if (num_heads <= 0 || num_kv_heads <= 0) throw std::invalid_argument("head counts must be > 0");
  if (num_heads % num_kv_heads != 0) throw std::invalid_argument("g must divide h");
  if (w_q.rows() != d_model || w_q.cols() % num_heads != 0) throw std::invalid_argument("w_q");
  const Eigen::Index d_h = w_q.cols() / num_heads;
  if (w_k.rows() != d_model || w_k.cols() != num_kv_heads * d_h) throw std::invalid_argument("w_k");
  if (w_v.rows() != d_model || w_v.cols() != num_kv_heads * d_h) throw std::invalid_argument("w_v");
  if (w_o.rows() != num_heads * d_h || w_o.cols() != d_model) throw std::invalid_argument("w_o");
  auto project = [&](const MatrixXf& w) {
    MatrixXf out(n, w.cols());
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < w.cols(); ++j) {
        float acc = 0.0f;
        for (Eigen::Index t = 0; t < d_model; ++t) acc += x(i, t) * w(t, j);
        out(i, j) = acc;
      }
    return out;
  };
  const MatrixXf q = project(w_q), k = project(w_k), v = project(w_v);
  const int per_group = num_heads / num_kv_heads;
  const float inv_sqrt = 1.0f / std::sqrt(static_cast<float>(d_h));
  MatrixXf concat = MatrixXf::Zero(n, num_heads * d_h);
  std::vector<float> p(static_cast<std::size_t>(n));
  for (int g = 0; g < num_kv_heads; ++g) {
    const Eigen::Index kv0 = g * d_h;
    for (int r = 0; r < per_group; ++r) {
      const Eigen::Index q0 = (g * per_group + r) * d_h;
      for (Eigen::Index i = 0; i < n; ++i) {
        float m = -std::numeric_limits<float>::infinity();
        for (Eigen::Index j = 0; j < n; ++j) {
          float s = 0.0f;
          for (Eigen::Index t = 0; t < d_h; ++t) s += q(i, q0 + t) * k(j, kv0 + t);
          p[j] = s * inv_sqrt;
          if (p[j] > m) m = p[j];
        }
        float sum = 0.0f;
        for (Eigen::Index j = 0; j < n; ++j) sum += (p[j] = std::exp(p[j] - m));
        for (Eigen::Index j = 0; j < n; ++j) {
          const float w = p[j] / sum;
          for (Eigen::Index t = 0; t < d_h; ++t) concat(i, q0 + t) += w * v(j, kv0 + t);
        }
      }
    }
  }
  MatrixXf out(n, d_model);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < d_model; ++j) {
      float acc = 0.0f;
      for (Eigen::Index t = 0; t < num_heads * d_h; ++t) acc += concat(i, t) * w_o(t, j);
      out(i, j) = acc;
    }
  return out;
}
