// Calls maxCoeff() on an empty vector: Eigen asserts and the program aborts.
// expect: runtime_error edge
// mistake: Eigen's maxCoeff() on an empty vector
// mistake.zh: 对空向量调用 Eigen 的 maxCoeff()
// explain: maxCoeff() needs at least one entry: on an empty x Eigen fails an assertion and the
// explain: program aborts instead of returning. Handle the empty vector before the formula: an
// explain: empty x gives an empty result.
// explain.zh: maxCoeff() 要求至少有一个元素：对空的 x 调用时 Eigen 会触发断言，程序直接中止，
// explain.zh: 而不是正常返回。请在套用公式之前先处理空向量：空的 x 返回空结果。
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
