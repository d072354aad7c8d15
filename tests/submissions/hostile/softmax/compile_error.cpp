// Does not compile: the learner must see the compiler's message for this file.
// expect: compile_error
#include "exercise.h"
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  return x.this_member_does_not_exist();
}
