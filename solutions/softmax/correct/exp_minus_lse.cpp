// Through the log-sum-exp: exp(x - lse(x)). Loses about eps32 * |x| on large
// logits, which the tolerance's magnitude term allows.
// expect: accepted
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) return x;
  const float m = x.maxCoeff();
  if (std::isinf(m) && m < 0) return Eigen::VectorXf::Zero(x.size());
  const float lse = m + std::log((x.array() - m).exp().sum());
  return (x.array() - lse).exp();
}
