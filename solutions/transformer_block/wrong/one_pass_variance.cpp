// Computes the variance in one pass as E[y^2] - E[y]^2 in float32. Right on
// paper and harmless for small inputs, but for rows with mean 1e4, E[y^2] is
// about 1e8 and is only known to within about 8, so the variance (about 1) is
// lost: the outputs are off by order 1, or NaN when the difference goes
// negative.
// expect: wrong_answer stability
// expect: wrong_answer random
// mistake: One-pass variance E[y^2] - E[y]^2 in float32
// mistake.zh: 在 float32 中用一遍公式 E[y^2] - E[y]^2 计算方差
// explain: For rows with mean 1e4, E[y^2] is about 1e8 and float32 knows it only to within about 8,
// explain: so the difference (a variance near 1) is lost: the outputs are off by order 1, or NaN
// explain: when it goes negative. Compute the mean first and then average (y - mean)^2 (two
// explain: passes), or use Welford's running update.
// explain.zh: 对均值为 1e4 的行，E[y^2] 约为 1e8，float32 只能把它精确到约 8，所以两者之差
// explain.zh: （约为 1 的方差）被完全淹没：输出的误差达到 1 的量级，差为负时还会得到 NaN。
// explain.zh: 应先求均值，再对 (y - mean)^2 求平均（两遍计算），或者使用 Welford 增量更新。
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
    const float var = y.row(i).array().square().mean() - mean * mean;  // bug: cancels
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
