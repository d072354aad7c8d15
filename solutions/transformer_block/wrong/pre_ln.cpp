// Pre-LN instead of post-LN: returns x + MultiHead(LayerNorm(x)), the layout
// of GPT-2 and most later models, instead of the original Transformer's
// LayerNorm(x + MultiHead(x)). Both are real designs, but they are different
// functions and this problem asks for the post-LN sub-layer.
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: Pre-LN x + MultiHead(LayerNorm(x)) instead of post-LN
// mistake.zh: 写成了 Pre-LN 的 x + MultiHead(LayerNorm(x))，而不是 Post-LN
// explain: x + MultiHead(LayerNorm(x)) is the pre-LN layout of GPT-2 and later models; it is a
// explain: different function from the original Transformer's post-LN sub-layer that this problem
// explain: asks for. Run the attention on x itself, add the residual, and normalise the sum:
// explain: LayerNorm(x + MultiHead(x)).
// explain.zh: x + MultiHead(LayerNorm(x)) 是 GPT-2 及之后模型采用的 Pre-LN 结构，
// explain.zh: 与本题要求的原始 Transformer 的 Post-LN 子层是不同的函数。应直接对 x 做注意力，
// explain.zh: 加上残差，再对和做归一化：LayerNorm(x + MultiHead(x))。
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
  return x + attention(layer_norm(x, gamma, beta, eps), w_q, w_k, w_v, w_o, num_heads);
}
