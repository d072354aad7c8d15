// softmax_backward: Backward pass of row-wise softmax
// Statement: judge show softmax_backward   (中文: judge show softmax_backward --lang zh)
// Check:     judge check softmax_backward
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  // TODO: your code here.
  (void)y;
  (void)dy;
  throw not_implemented_error("softmax_backward");
}
