// scaled_dot_product_attention: Scaled dot-product attention
// Statement: judge show scaled_dot_product_attention   (中文: judge show scaled_dot_product_attention --lang zh)
// Check:     judge check scaled_dot_product_attention
#include "exercise.h"

Eigen::MatrixXf scaled_dot_product_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v) {
  // TODO: your code here.
  (void)q;
  (void)k;
  (void)v;
  throw not_implemented_error("scaled_dot_product_attention");
}
