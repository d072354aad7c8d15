// Returns the maximum alone, a "hard" log-sum-exp: it drops log(sum exp(x - m)).
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Returns max(x) alone and drops the log-sum term
// mistake.zh: 只返回 max(x)，丢掉了 log-sum 项
// explain: max(x) is only a lower bound (a "hard" log-sum-exp): the exact value m + log(sum exp(x -
// explain: m)) lies between max(x) and max(x) + log(n), and the log term is missing here. Add
// explain: log(sum_i exp(x[i] - m)) to the maximum m.
// explain.zh: max(x) 只是一个下界（“硬”的 log-sum-exp）：
// explain.zh: 精确值 m + log(sum exp(x - m)) 介于 max(x) 和 max(x) + log(n) 之间，这里缺了对数项。
// explain.zh: 应在最大值 m 上加上 log(sum_i exp(x[i] - m))。
#include "exercise.h"

float vector_logsumexp(const Eigen::VectorXf& x) {
  if (x.size() == 0) return -std::numeric_limits<float>::infinity();
  return x.maxCoeff();
}
