// Prints without end.
// expect: output_limit sample
#include "exercise.h"
#include <cstdio>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  for (;;) std::puts("debugging output that never stops ...................................");
  return x;
}
