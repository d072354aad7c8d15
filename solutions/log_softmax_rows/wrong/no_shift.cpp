// x - log(sum(exp(x))) with no max shift: exp(1000) overflows float32 to inf,
// so the row becomes -inf or NaN; a row around -1000 gives log(0) = -inf and
// x - (-inf) = +inf.
// expect: wrong_answer stability
// mistake: x - log(sum(exp(x))) without subtracting the row maximum
// mistake.zh: 计算 x - log(sum(exp(x))) 时没有减去行最大值
// explain: Without the shift, exp(1000) overflows float32, so the log-sum-exp is inf and every
// explain: entry of the row becomes -inf; a row around -1000 sums to 0, its log is -inf, and x -
// explain: (-inf) = +inf. Shift by each row's maximum: y = (x - m) - log(sum exp(x - m)).
// explain.zh: 不做平移时，exp(1000) 在 float32 中溢出，log-sum-exp 为 inf，
// explain.zh: 这一行的每一项都变成 -inf；-1000 附近的行求和为 0，取对数得 -inf，x - (-inf) = +inf。
// explain.zh: 应减去每一行的最大值：y = (x - m) - log(sum exp(x - m))。
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(x(i, j));
    const float lse = std::log(sum);
    for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) = x(i, j) - lse;
  }
  return y;
}
