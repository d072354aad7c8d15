// masked_softmax: Masked row-wise softmax
// Statement: judge show masked_softmax   (中文: judge show masked_softmax --lang zh)
// Check:     judge check masked_softmax
#include "exercise.h"

Eigen::MatrixXf masked_softmax(const Eigen::MatrixXf& x, const Mask& mask) {
  // TODO: your code here.
  (void)x;
  (void)mask;
  throw not_implemented_error("masked_softmax");
}
