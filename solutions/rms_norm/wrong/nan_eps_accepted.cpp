// Checks eps with `if (eps < 0) throw`, which lets NaN through (every
// comparison with NaN is false) and fills the output with NaN.
// expect: wrong_answer invalid
// mistake: eps checked with eps < 0, which lets NaN through
// mistake.zh: 用 eps < 0 检查 eps，NaN 会漏过去
// explain: Every comparison with NaN is false, so eps = NaN passes the check eps < 0 and the whole
// explain: output becomes NaN instead of an std::invalid_argument. Write the test so that NaN fails
// explain: it: !(eps >= 0), or std::isnan(eps) || eps < 0.
// explain.zh: 与 NaN 的任何比较都为假，所以 eps = NaN 能通过 eps < 0 的检查，整个输出都变成 NaN，
// explain.zh: 而不是抛出 std::invalid_argument。检查要写成 NaN 无法通过的形式：!(eps >= 0)，
// explain.zh: 或者 std::isnan(eps) || eps < 0。
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols()) throw std::invalid_argument("gamma must have x.cols() entries");
  if (eps < 0) throw std::invalid_argument("eps must be >= 0");  // bug: NaN passes
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  if (d == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double sum_sq = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) sum_sq += static_cast<double>(x(i, j)) * x(i, j);
    const double inv = 1.0 / std::sqrt(sum_sq / static_cast<double>(d) + eps);
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>(x(i, j) * inv) * gamma(j);
  }
  return y;
}
