// Divides by sqrt(ms) + eps instead of sqrt(ms + eps). With eps = 1e-6 and a
// mean square near 1 the two differ by 1e-6 relative, inside the tolerance,
// so only a row whose mean square is comparable to eps shows it
// (ms = eps = 0.01: sqrt(0.02) = 0.141 against 0.1 + 0.01 = 0.11).
// expect: wrong_answer basic
// mistake: eps added outside the square root: sqrt(ms) + eps
// mistake.zh: eps 加在平方根外面：sqrt(ms) + eps
// explain: The denominator must be sqrt(ms + eps), as in LLaMA's RMSNorm. With eps = 1e-6 and a
// explain: mean square near 1 the two barely differ, but when eps is comparable to the mean square
// explain: they do: ms = eps = 0.01 gives sqrt(0.02) = 0.141 against 0.1 + 0.01 = 0.11. Add eps to
// explain: the mean square, then take the square root.
// explain.zh: 分母必须是 sqrt(ms + eps)，与 LLaMA 的 RMSNorm 一致。当 eps = 1e-6、均方接近 1 时两者
// explain.zh: 几乎没有差别，但当 eps 与均方相当时差别就很明显：ms = eps = 0.01 时 sqrt(0.02) = 0.141，
// explain.zh: 而 0.1 + 0.01 = 0.11。应先把 eps 加到均方上，再开平方。
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols()) throw std::invalid_argument("gamma must have x.cols() entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("eps must be >= 0 and not NaN");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  if (d == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double sum_sq = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) sum_sq += static_cast<double>(x(i, j)) * x(i, j);
    const double inv = 1.0 / (std::sqrt(sum_sq / static_cast<double>(d)) + eps);  // bug
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>(x(i, j) * inv) * gamma(j);
  }
  return y;
}
