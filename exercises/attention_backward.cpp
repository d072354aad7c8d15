// attention_backward: Backward pass of scaled dot-product attention
// Statement: judge show attention_backward   (中文: judge show attention_backward --lang zh)
// Check:     judge check attention_backward
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  // TODO: your code here.
  (void)q;
  (void)k;
  (void)v;
  (void)d_out;
  throw not_implemented_error("attention_backward");
}
