// Divides by the root of the sum of squares (the row's 2-norm) instead of the
// root of their mean: every output is sqrt(d) times too small. Right only for
// d = 1.
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Sum of squares instead of their mean (the 2-norm, not the RMS)
// mistake.zh: 用平方和而不是均方（即 2-范数而不是均方根）
// explain: RMSNorm divides by the root mean square, sqrt(sum_j x^2 / d + eps). Dividing by
// explain: sqrt(sum_j x^2 + eps) is the 2-norm: every output comes out sqrt(d) times too small
// explain: (half the answer for d = 4), and only d = 1 is right. Divide the sum of squares by d
// explain: before adding eps.
// explain.zh: RMSNorm 除以的是均方根 sqrt(sum_j x^2 / d + eps)。除以 sqrt(sum_j x^2 + eps)
// explain.zh: 得到的是 2-范数：每个输出都小了 sqrt(d) 倍（d = 4 时只有答案的一半），只有 d = 1 时正确。
// explain.zh: 请先把平方和除以 d，再加上 eps。
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols()) throw std::invalid_argument("gamma must have x.cols() entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("eps must be >= 0 and not NaN");
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double sum_sq = x.row(i).cast<double>().squaredNorm();  // bug: not divided by d
    const float inv = static_cast<float>(1.0 / std::sqrt(sum_sq + eps));
    y.row(i) = (x.row(i).array() * inv) * gamma.transpose().array();
  }
  return y;
}
