// Shifts by the first entry instead of the maximum: fine when x[0] is the
// largest, overflow when a later entry is far above it.
// expect: wrong_answer stability
// mistake: Shift by the first entry instead of the maximum
// mistake.zh: 用第一个元素而不是最大值做平移
// explain: Subtracting x[0] keeps exp() safe only when x[0] is the largest entry; a later entry far
// explain: above it still overflows float32 to inf, and the result becomes NaN. Subtract the
// explain: maximum of x instead, so that every exponent is at most 0.
// explain.zh: 只有当 x[0] 恰好是最大值时，减去 x[0] 才能防止 exp() 溢出；若后面的元素远大于它，
// explain.zh: float32 仍会溢出为 inf，结果变成 NaN。应减去 x 的最大值，使所有指数都不大于 0。
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) return x;
  const Eigen::VectorXf e = (x.array() - x(0)).exp();
  return e / e.sum();
}
