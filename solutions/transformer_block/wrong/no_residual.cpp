// Forgets the residual connection: returns LayerNorm(MultiHead(x)) instead of
// LayerNorm(x + MultiHead(x)), so whatever attention did not copy from x is
// lost.
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: Residual connection missing: LayerNorm(MultiHead(x))
// mistake.zh: 缺少残差连接：算成了 LayerNorm(MultiHead(x))
// explain: The sub-layer normalises the attention output alone, so whatever attention did not copy
// explain: from x is lost. The post-LN sub-layer adds the input back first, y = x + MultiHead(x),
// explain: and then normalises the sum: out = LayerNorm(y).
// explain.zh: 这里只对注意力的输出做归一化，注意力没有从 x 复制过来的信息全部丢失。
// explain.zh: Post-LN 子层要先把输入加回去，y = x + MultiHead(x)，再对这个和做归一化：
// explain.zh: out = LayerNorm(y)。
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
  return layer_norm(attention(x, w_q, w_k, w_v, w_o, num_heads), gamma, beta, eps);
}
