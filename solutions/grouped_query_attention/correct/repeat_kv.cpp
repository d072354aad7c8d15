// Eigen expressions: first expands K and V to one head per query head (each
// key/value head repeated h / g times in a row, like torch.repeat_interleave),
// then runs ordinary multi-head attention over contiguous column blocks.
// expect: accepted
#include "exercise.h"

MatrixXf grouped_query_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                                 const MatrixXf& w_v, const MatrixXf& w_o, int num_heads,
                                 int num_kv_heads) {
  if (num_heads < 1 || num_kv_heads < 1 || num_heads % num_kv_heads != 0)
    throw std::invalid_argument("num_kv_heads must be >= 1 and divide num_heads >= 1");
  const Eigen::Index d_model = x.cols();
  if (w_q.rows() != d_model || w_q.cols() % num_heads != 0)
    throw std::invalid_argument("w_q must be d_model x (num_heads * d_h)");
  const Eigen::Index d_h = w_q.cols() / num_heads;
  if (w_k.rows() != d_model || w_v.rows() != d_model || w_k.cols() != num_kv_heads * d_h ||
      w_v.cols() != num_kv_heads * d_h)
    throw std::invalid_argument("w_k and w_v must be d_model x (num_kv_heads * d_h)");
  if (w_o.rows() != num_heads * d_h || w_o.cols() != d_model)
    throw std::invalid_argument("w_o must be (num_heads * d_h) x d_model");
  if (x.rows() == 0) return MatrixXf(0, d_model);  // rowwise().maxCoeff() asserts on 0 x 0
  const int group = num_heads / num_kv_heads;
  const MatrixXf q = x * w_q, k_small = x * w_k, v_small = x * w_v;
  MatrixXf k(x.rows(), num_heads * d_h), v(x.rows(), num_heads * d_h);
  for (int h = 0; h < num_heads; ++h) {
    k.middleCols(h * d_h, d_h) = k_small.middleCols((h / group) * d_h, d_h);
    v.middleCols(h * d_h, d_h) = v_small.middleCols((h / group) * d_h, d_h);
  }
  const float scale = 1.0f / std::sqrt(static_cast<float>(d_h));
  MatrixXf heads(x.rows(), num_heads * d_h);
  for (int h = 0; h < num_heads; ++h) {
    Eigen::ArrayXXf s =
        (q.middleCols(h * d_h, d_h) * k.middleCols(h * d_h, d_h).transpose()).array() * scale;
    const Eigen::ArrayXf m = s.rowwise().maxCoeff();
    s = (s.colwise() - m).exp();
    const Eigen::ArrayXf sum = s.rowwise().sum();
    s.colwise() /= sum;
    heads.middleCols(h * d_h, d_h) = s.matrix() * v.middleCols(h * d_h, d_h);
  }
  return heads * w_o;
}
