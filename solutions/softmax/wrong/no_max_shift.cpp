// The textbook formula without the max shift: exp(1000) overflows float32 to
// inf, and inf / inf is NaN.
// expect: wrong_answer stability
// mistake: Softmax without subtracting the maximum
// mistake.zh: softmax 没有减去最大值
// explain: exp(x) / sum(exp(x)) taken literally overflows float32 once an entry passes about 88.7:
// explain: exp(1000) is inf and inf / inf is NaN (and logits near -1000 all underflow to 0, giving
// explain: 0 / 0). Subtract m = max(x) first and use exp(x - m) / sum(exp(x - m)): the result is
// explain: the same, and every exponent is at most 0.
// explain.zh: 直接按 exp(x) / sum(exp(x)) 计算，只要某个元素超过约 88.7，float32 就会溢出：
// explain.zh: exp(1000) 为 inf，inf / inf 得到 NaN（而 -1000 附近的 logits 会全部下溢为 0，
// explain.zh: 得到 0 / 0）。先减去 m = max(x)，改用 exp(x - m) / sum(exp(x - m))：结果不变，
// explain.zh: 且每个指数都不大于 0。
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const Eigen::VectorXf e = x.array().exp();
  return e / e.sum();
}
