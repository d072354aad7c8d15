// Correct, except that it crashes on an empty vector: the crash must cost only
// that case, and every case after it must still be judged.
// expect: runtime_error edge
#include "exercise.h"
#include <csignal>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) std::raise(SIGSEGV);
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}
