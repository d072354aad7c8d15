// Spins forever: the judge must stop waiting, not hang.
// expect: time_limit sample
#include "exercise.h"
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  volatile bool forever = true;
  while (forever) {
  }
  return x;
}
