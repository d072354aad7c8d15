// The mistake of solutions/multi_head_attention/wrong/scale_sqrt_d_model.cpp, written with a per-head helper lambda that takes Eigen block views and normalizes the whole score matrix with rowwise()/colwise() broadcasts instead of a loop over rows.
// expect-mistake: scale_sqrt_d_model
#include "exercise.h"

Eigen::MatrixXf multi_head_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v, const Eigen::MatrixXf& w_o, int num_heads) {
  const Eigen::Index width = x.cols();
  if (num_heads <= 0 || width % num_heads != 0)
    throw std::invalid_argument("multi_head_attention: num_heads must be >= 1 and divide d_model");
  auto square = [&](const Eigen::MatrixXf& w) { return w.rows() == width && w.cols() == width; };
  if (!square(w_q) || !square(w_k) || !square(w_v) || !square(w_o))
    throw std::invalid_argument("multi_head_attention: weights must be d_model x d_model");

  if (x.rows() == 0) return Eigen::MatrixXf(0, width);  // no tokens, no scores

  const Eigen::MatrixXf Q = x * w_q, K = x * w_k, V = x * w_v;
  const Eigen::Index head_width = width / num_heads;
  const float scale = width > 0 ? 1.0f / std::sqrt(static_cast<float>(width)) : 1.0f;

  auto attend = [&](Eigen::Index first_col) -> Eigen::MatrixXf {
    const Eigen::MatrixXf s =
        Q.middleCols(first_col, head_width) * K.middleCols(first_col, head_width).transpose() * scale;
    Eigen::ArrayXXf e = (s.colwise() - s.rowwise().maxCoeff()).array().exp();
    const Eigen::ArrayXf z = e.rowwise().sum();
    e.colwise() /= z;
    return e.matrix() * V.middleCols(first_col, head_width);
  };

  Eigen::MatrixXf concat(x.rows(), width);
  for (int t = 0; t < num_heads; ++t)
    concat.middleCols(t * head_width, head_width) = attend(t * head_width);
  return concat * w_o;
}
