// Casts away const and overwrites its input with zeros, then returns the
// uniform vector, which is the softmax of the modified input. The judge must
// compare against the expected value of the input it sent (computed in the
// judge, from its own copy), so this is a wrong answer.
// expect: wrong_answer sample
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  auto& writable = const_cast<Eigen::VectorXf&>(x);
  writable.setZero();
  if (x.size() == 0) return x;
  return Eigen::VectorXf::Constant(x.size(), 1.0f / static_cast<float>(x.size()));
}
