// Puts eps outside the square root: (y - mean) / (sqrt(var) + eps). With
// eps = 1e-5 and a variance near 1 the difference hides below the tolerance,
// but it shows when eps is comparable to the variance (eps = 0.05 in basic,
// eps up to 1 in random).
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: LayerNorm eps added outside the square root
// mistake.zh: LayerNorm 中把 eps 加在了平方根外面
// explain: (y - mean) / (sqrt(var) + eps) differs from the defined (y - mean) / sqrt(var + eps).
// explain: With eps = 1e-5 and a variance near 1 the difference hides below the tolerance, but it
// explain: shows when eps is comparable to the variance (eps = 0.05 in basic, up to 1 in random).
// explain: Put eps inside: divide by sqrt(var + eps), as nn.LayerNorm does.
// explain.zh: (y - mean) / (sqrt(var) + eps) 与定义中的 (y - mean) / sqrt(var + eps) 不同。
// explain.zh: eps = 1e-5、方差接近 1 时，差别低于容差；但当 eps 与方差相当时就会暴露
// explain.zh: （basic 中 eps = 0.05，random 中最大到 1）。eps 应放在根号里面：
// explain.zh: 除以 sqrt(var + eps)，与 nn.LayerNorm 一致。
#include "exercise.h"

namespace {
// Multi-head self-attention, done right.
MatrixXf attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k, const MatrixXf& w_v,
                   const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d_h = x.cols() / num_heads;
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(x.rows(), x.cols());
  for (int t = 0; t < num_heads; ++t) {
    MatrixXf s = q.middleCols(t * d_h, d_h) * k.middleCols(t * d_h, d_h).transpose() /
                 std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
      s.row(i).array() -= s.row(i).maxCoeff();
      s.row(i) = s.row(i).array().exp().matrix();
      s.row(i) /= s.row(i).sum();
    }
    concat.middleCols(t * d_h, d_h) = s * v.middleCols(t * d_h, d_h);
  }
  return concat * w_o;
}

MatrixXf layer_norm(MatrixXf y, const VectorXf& gamma, const VectorXf& beta, float eps) {
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    const float mean = y.row(i).mean();
    const float var = (y.row(i).array() - mean).square().mean();
    y.row(i) = ((y.row(i).array() - mean) / (std::sqrt(var) + eps)).matrix();  // bug: eps outside
    y.row(i) = y.row(i).cwiseProduct(gamma.transpose()) + beta.transpose();
  }
  return y;
}
}  // namespace

MatrixXf transformer_block(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                           const MatrixXf& w_v, const MatrixXf& w_o, const VectorXf& gamma,
                           const VectorXf& beta, int num_heads, float eps) {
  const Eigen::Index d = x.cols();
  if (!(eps >= 0)) throw std::invalid_argument("eps");
  if (num_heads < 1 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  for (const MatrixXf* w : {&w_q, &w_k, &w_v, &w_o})
    if (w->rows() != d || w->cols() != d) throw std::invalid_argument("weights");
  if (gamma.size() != d || beta.size() != d) throw std::invalid_argument("gamma, beta");
  return layer_norm(x + attention(x, w_q, w_k, w_v, w_o, num_heads), gamma, beta, eps);
}
