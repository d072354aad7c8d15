// Checks eps with `if (eps < 0) throw`, which lets NaN through (every
// comparison with NaN is false) and fills the output with NaN. Write the test
// so that NaN fails it: if (!(eps >= 0)) or std::isnan(eps) || eps < 0.
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

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (eps < 0) throw std::invalid_argument("eps must be >= 0");  // bug: NaN passes
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  for (Eigen::Index i = 0; i < x.rows() && d > 0; ++i) {
    const float mean = x.row(i).mean();
    const Eigen::ArrayXf c = x.row(i).transpose().array() - mean;
    const float var = c.square().mean();
    y.row(i) = (c / std::sqrt(var + eps) * gamma.array() + beta.array()).matrix().transpose();
  }
  return y;
}
