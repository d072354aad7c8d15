// softmax: Stable softmax of a vector
// Statement: judge show softmax   (中文: judge show softmax --lang zh)
// Check:     judge check softmax
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  // TODO: your code here.
  (void)x;
  throw not_implemented_error("softmax");
}
