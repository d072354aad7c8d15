// Throws something that is not std::invalid_argument on valid input.
// expect: wrong_answer sample
#include "exercise.h"
#include <stdexcept>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() >= 0) throw std::runtime_error("oops");
  return x;
}
