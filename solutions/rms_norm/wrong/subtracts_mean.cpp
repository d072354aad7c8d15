// Subtracts the row mean before normalizing, as LayerNorm does, and divides by
// the standard deviation. RMSNorm never centers: on a row [5, 6, 7] the
// answer is all positive, this gives [-1.22, 0, 1.22] * gamma.
// expect: wrong_answer basic
// mistake: Subtracts the mean (that is LayerNorm without beta, not RMSNorm)
// mistake.zh: 减去了均值（那是没有 beta 的 LayerNorm，不是 RMSNorm）
// explain: RMSNorm divides each row by its root mean square, sqrt(mean(x^2) + eps), and never
// explain: subtracts the mean; centering the row and dividing by the standard deviation is
// explain: LayerNorm. The two agree only on rows whose mean is 0: a row [5, 6, 7] should stay
// explain: positive. Use x itself, not x - mean, both in the mean square and in the numerator.
// explain.zh: RMSNorm 用每一行的均方根 sqrt(mean(x^2) + eps) 去除该行，从不减去均值；先居中再除以
// explain.zh: 标准差的是 LayerNorm。只有在均值为 0 的行上两者才一致：[5, 6, 7] 这样的一行结果应该仍是正数。
// explain.zh: 均方和分子都应直接用 x，而不是 x - mean。
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols()) throw std::invalid_argument("gamma must have x.cols() entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("eps must be >= 0 and not NaN");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  if (d == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double mean = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) mean += x(i, j);
    mean /= static_cast<double>(d);
    double sum_sq = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) sum_sq += (x(i, j) - mean) * (x(i, j) - mean);  // bug
    const double inv = 1.0 / std::sqrt(sum_sq / static_cast<double>(d) + eps);
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>((x(i, j) - mean) * inv) * gamma(j);
  }
  return y;
}
