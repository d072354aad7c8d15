// Computes the variance in one float pass as E[x^2] - E[x]^2. Exact in real
// numbers, but on a row with mean 1e4 and std 1 both terms are ~1e8, where
// float32 values are 8 apart: their difference is a multiple of 8 (0, 8,
// -8 ...) instead of 1, so the outputs are off by order 1, or huge (variance
// 0), or NaN (a negative variance). Subtract the mean first (two passes, or
// Welford's update).
// expect: wrong_answer stability
// mistake: One-pass variance E[x^2] - E[x]^2 in float32
// mistake.zh: 在 float32 中用单遍公式 E[x^2] - E[x]^2 计算方差
// explain: On a row with mean 1e4 and standard deviation 1 both terms are about 1e8, where float32
// explain: values are 8 apart, so their difference is a multiple of 8 (0, 8, -8, ...) instead of
// explain: about 1: the outputs are off by order 1, huge (variance 0) or NaN (negative variance).
// explain: Subtract the mean first: a second pass over (x - mean)^2, or Welford's running update.
// explain.zh: 对均值为 1e4、标准差为 1 的一行，两项都约为 1e8，
// explain.zh: 而 float32 在这附近相邻两个数相差 8，所以它们的差是 8 的倍数（0、8、-8……），
// explain.zh: 而不是 1 左右：输出会偏差 1 的量级、变得极大（方差为 0）或变成 NaN（方差为负）。
// explain.zh: 应先减去均值：再遍历一遍计算 (x - mean)^2，或者使用 Welford 的在线更新。
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  for (Eigen::Index i = 0; i < x.rows() && d > 0; ++i) {
    float s = 0, s2 = 0;
    for (Eigen::Index j = 0; j < d; ++j) {
      s += x(i, j);
      s2 += x(i, j) * x(i, j);
    }
    const float mean = s / d;
    const float var = s2 / d - mean * mean;  // bug: catastrophic cancellation
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = (x(i, j) - mean) / std::sqrt(var + eps) * gamma(j) + beta(j);
  }
  return y;
}
