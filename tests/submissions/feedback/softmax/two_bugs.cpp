// A learner's softmax with two bugs and a debug print: maxCoeff on an empty
// vector (an Eigen assertion, so the program dies on edge/empty) and no max
// shift (NaN on the stability cases). Each failure must be told with its own
// output: the assertion under edge/empty, the prints under their own tests.
#include "exercise.h"

#include <cstdio>

VectorXf softmax(const VectorXf& x) {
  std::printf("softmax called with %d entries\n", static_cast<int>(x.size()));
  const float largest = x.maxCoeff();  // asserts when x is empty
  (void)largest;                       // computed, then forgotten: no shift
  const VectorXf e = x.array().exp().matrix();
  return e / e.sum();
}
