// Divides the squared deviations by d_model - 1 (the unbiased sample variance,
// torch.var's default) instead of d_model, as nn.LayerNorm does: every output
// shrinks by sqrt((d - 1) / d), 13% for d_model = 4.
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: LayerNorm variance divided by d_model - 1 instead of d_model
// mistake.zh: LayerNorm 的方差除以 d_model - 1 而不是 d_model
// explain: Dividing the squared deviations by d_model - 1 gives the unbiased sample variance
// explain: (torch.var's default), so every normalised value is multiplied by sqrt((d - 1) / d), 13%
// explain: too small for d_model = 4 (and d_model = 1 gives 0 / 0). LayerNorm uses the biased
// explain: variance: the mean of (y - mean)^2 over the d_model entries, as nn.LayerNorm does.
// explain.zh: 偏差平方和除以 d_model - 1 得到的是无偏样本方差（torch.var 的默认值），
// explain.zh: 每个归一化后的值都乘上了 sqrt((d - 1) / d)，d_model = 4 时小了 13%
// explain.zh: （d_model = 1 时还会出现 0 / 0）。LayerNorm 使用有偏方差：
// explain.zh: 对 d_model 个元素的 (y - mean)^2 取平均，与 nn.LayerNorm 一致。
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
    const float var = (y.row(i).array() - mean).square().sum() /
                      static_cast<float>(y.cols() - 1);  // bug: d - 1
    y.row(i) = ((y.row(i).array() - mean) / std::sqrt(var + eps)).matrix();
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
