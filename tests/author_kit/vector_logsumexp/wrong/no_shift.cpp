// The literal formula: exp(1000) overflows float32 to inf, so the result is inf.
// expect: wrong_answer stability
// mistake: log(sum(exp(x))) without subtracting the maximum
// mistake.zh: 直接计算 log(sum(exp(x)))，没有减去最大值
// explain: Taken literally, exp(1000) overflows float32 to inf and the result is inf, and entries
// explain: near -1000 all underflow to 0, giving log(0) = -inf. Take out the maximum first: m +
// explain: log(sum exp(x - m)), where every exponent is at most 0.
// explain.zh: 直接按字面计算时，exp(1000) 在 float32 中溢出为 inf，结果就是 inf；
// explain.zh: 而 -1000 附近的元素会全部下溢为 0，得到 log(0) = -inf。应先提出最大值：
// explain.zh: m + log(sum exp(x - m))，这样每个指数都不大于 0。
#include "exercise.h"

float vector_logsumexp(const Eigen::VectorXf& x) {
  if (x.size() == 0) return -std::numeric_limits<float>::infinity();
  return std::log(x.array().exp().sum());
}
