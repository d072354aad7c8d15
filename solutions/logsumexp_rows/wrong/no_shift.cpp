// log(sum(exp(x))) taken literally, with no max shift: exp(1000) overflows
// float32 to inf, and a row around -1000 underflows to log(0) = -inf (or to a
// value near -88 with Eigen's vectorised exp).
// expect: wrong_answer stability
// mistake: log(sum(exp(x))) without subtracting the row maximum
// mistake.zh: 直接计算 log(sum(exp(x)))，没有减去行最大值
// explain: Taken literally, exp(1000) overflows float32 to inf and the result is inf, while in a
// explain: row around -1000 every exp underflows to 0 and log(0) = -inf (or a value near -88 with
// explain: Eigen's vectorised exp). Take out each row's maximum: lse = m + log(sum exp(x - m)),
// explain: whose sum lies between 1 and d.
// explain.zh: 直接按字面计算时，exp(1000) 在 float32 中溢出为 inf，结果为 inf；
// explain.zh: 而在 -1000 附近的行中，每个 exp 都下溢为 0，
// explain.zh: log(0) = -inf（使用 Eigen 的向量化 exp 时会得到 -88 左右的值）。
// explain.zh: 应先提出每一行的最大值：lse = m + log(sum exp(x - m))，此时求和结果介于 1 和 d 之间。
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  VectorXf out(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    out(i) = std::log(x.row(i).array().exp().sum());
  }
  return out;
}
