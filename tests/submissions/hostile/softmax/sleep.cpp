// Sleeps without using CPU: only a wall-clock limit catches it.
// expect: time_limit sample
#include "exercise.h"
#include <unistd.h>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  sleep(100);
  return x;
}
