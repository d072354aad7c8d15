// online_softmax: Online softmax normalizer (update and merge)
// Statement: judge show online_softmax   (中文: judge show online_softmax --lang zh)
// Check:     judge check online_softmax
#include "exercise.h"

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  // TODO: your code here.
  (void)state;
  (void)chunk;
  throw not_implemented_error("softmax_update");
}

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  // TODO: your code here.
  (void)a;
  (void)b;
  throw not_implemented_error("softmax_merge");
}
