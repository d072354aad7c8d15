// Shifts by the max, but a vector of all -inf has max -inf and -inf - -inf is
// NaN: the convention is a vector of zeros.
// expect: wrong_answer edge
// mistake: All -inf vector gives NaN instead of zeros
// mistake.zh: 全为 -inf 的向量返回 NaN 而不是全 0
// explain: When every entry is -inf (a fully masked row), the maximum is -inf and x - max computes
// explain: -inf - (-inf) = NaN, so every output is NaN. The convention is a vector of zeros: check
// explain: whether the maximum is -inf before the shift, and return zeros in that case.
// explain.zh: 当所有元素都是 -inf（完全被屏蔽的一行）时，最大值也是 -inf，
// explain.zh: x - max 会计算 -inf - (-inf) = NaN，所有输出都变成 NaN。约定的结果是全 0 向量：
// explain.zh: 在做平移之前先检查最大值是否为 -inf，若是则直接返回全 0。
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) return x;
  const float m = x.maxCoeff();
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
