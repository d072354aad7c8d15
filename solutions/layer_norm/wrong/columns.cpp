// Normalizes each column (over the rows, like BatchNorm over a batch) instead
// of each row. LayerNorm normalizes every token (row) over its own d features.
// The shape is right, so only the values show it.
// expect: wrong_answer basic
// mistake: Normalizes each column (like BatchNorm) instead of each row
// mistake.zh: 对每一列归一化（像 BatchNorm 那样），而不是每一行
// explain: Mean and variance are taken down each column, across tokens as BatchNorm does, so each
// explain: token's output depends on the other tokens: the shape is right, the values are not.
// explain: LayerNorm normalizes every row over its own d features: mean_i and var_i come from row i
// explain: only.
// explain.zh: 这里沿每一列求均值和方差，也就是像 BatchNorm 那样跨 token 统计，
// explain.zh: 于是每个 token 的输出都依赖其他 token：形状没错，但数值不对。
// explain.zh: LayerNorm 是对每一行在它自己的 d 个特征上归一化：mean_i 和 var_i 只来自第 i 行。
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index j = 0; j < x.cols() && x.rows() > 0; ++j) {
    const float mean = x.col(j).mean();  // bug: a column statistic
    const Eigen::ArrayXf c = x.col(j).array() - mean;
    const float var = c.square().mean();
    y.col(j) = (c / std::sqrt(var + eps) * gamma(j) + beta(j)).matrix();
  }
  return y;
}
