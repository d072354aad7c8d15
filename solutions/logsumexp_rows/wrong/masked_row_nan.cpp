// Stable and per row, but a row of all -inf is not special-cased: its maximum
// is -inf, x - max = -inf - (-inf) = NaN, and the result is NaN instead of
// -inf.
// expect: wrong_answer edge
// mistake: Row of all -inf gives NaN instead of -inf
// mistake.zh: 全为 -inf 的行得到 NaN 而不是 -inf
// explain: For a row of all -inf the maximum is -inf, so x - max is -inf - (-inf) = NaN and the
// explain: result is NaN. The sum of exp over such a row is 0 and its log is -inf: check the row
// explain: maximum for -inf before subtracting it, and return -inf for that row.
// explain.zh: 对全为 -inf 的一行，最大值是 -inf，x - max 等于 -inf - (-inf) = NaN，结果就是 NaN。
// explain.zh: 这一行的指数和为 0，其对数应为 -inf：在减去行最大值之前先检查它是否为 -inf，
// explain.zh: 若是则这一行直接返回 -inf。
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  VectorXf out = VectorXf::Constant(x.rows(), -std::numeric_limits<float>::infinity());
  if (x.cols() == 0) return out;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    out(i) = m + std::log((x.row(i).array() - m).exp().sum());
  }
  return out;
}
