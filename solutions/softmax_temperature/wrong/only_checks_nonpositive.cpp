// Validates with `if (temperature <= 0) throw`, which lets NaN and +inf
// through: every comparison with NaN is false, and +inf is > 0. Both must throw
// std::invalid_argument (a NaN temperature gives a NaN row, +inf a uniform one).
// expect: wrong_answer invalid
// mistake: Temperature check T <= 0 lets NaN and +inf through
// mistake.zh: 温度检查 T <= 0 放过了 NaN 和 +inf
// explain: Every comparison with NaN is false, so a NaN temperature passes the check T <= 0 and
// explain: gives a NaN row, and +inf is > 0, so it passes too and gives a uniform row; both must
// explain: throw std::invalid_argument. Reject every T that is not finite and positive: !(T > 0) ||
// explain: !std::isfinite(T).
// explain.zh: 与 NaN 的任何比较都为假，所以 NaN 温度能通过 T <= 0 的检查，得到一整行 NaN；
// explain.zh: +inf 大于 0，同样能通过检查，得到均匀分布；
// explain.zh: 这两种情况都必须抛出 std::invalid_argument。应拒绝一切不是有限正数的 T：
// explain.zh: !(T > 0) || !std::isfinite(T)。
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (temperature <= 0) throw std::invalid_argument("temperature must be > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    Eigen::ArrayXf z = logits.row(i).transpose().array() / temperature;
    const float m = z.maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf e = (z - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
