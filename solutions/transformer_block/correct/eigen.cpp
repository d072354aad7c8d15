// Eigen expressions: multi-head attention with middleCols blocks, the residual
// sum, then a two-pass layer norm (mean, then the mean of squared deviations).
// expect: accepted
#include "exercise.h"

MatrixXf transformer_block(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                           const MatrixXf& w_v, const MatrixXf& w_o, const VectorXf& gamma,
                           const VectorXf& beta, int num_heads, float eps) {
  const Eigen::Index d = x.cols();
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  if (num_heads <= 0 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  for (const MatrixXf* w : {&w_q, &w_k, &w_v, &w_o})
    if (w->rows() != d || w->cols() != d) throw std::invalid_argument("weights: d_model x d_model");
  if (gamma.size() != d || beta.size() != d) throw std::invalid_argument("gamma, beta: d_model");
  if (x.rows() == 0) return MatrixXf(0, d);  // rowwise().maxCoeff() asserts on 0 x 0
  const Eigen::Index d_h = d / num_heads;
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf heads(x.rows(), d);
  for (int h = 0; h < num_heads; ++h) {
    Eigen::ArrayXXf s = (q.middleCols(h * d_h, d_h) * k.middleCols(h * d_h, d_h).transpose())
                            .array() / std::sqrt(static_cast<float>(d_h));
    const Eigen::ArrayXf m = s.rowwise().maxCoeff();
    s = (s.colwise() - m).exp();
    const Eigen::ArrayXf sum = s.rowwise().sum();
    s.colwise() /= sum;
    heads.middleCols(h * d_h, d_h) = s.matrix() * v.middleCols(h * d_h, d_h);
  }
  const Eigen::ArrayXXf y = (x + heads * w_o).array();
  const Eigen::ArrayXf mean = y.rowwise().mean();
  const Eigen::ArrayXXf centered = y.colwise() - mean;
  const Eigen::ArrayXf inv_std = ((centered.square().rowwise().mean()) + eps).rsqrt();
  const Eigen::ArrayXXf normed = centered.colwise() * inv_std;
  return ((normed.rowwise() * gamma.transpose().array()).rowwise() + beta.transpose().array())
      .matrix();
}
