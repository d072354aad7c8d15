// dot_product_attention: Dot-product attention (unscaled)
// Statement: judge show dot_product_attention   (中文: judge show dot_product_attention --lang zh)
// Check:     judge check dot_product_attention
#include "exercise.h"

Eigen::MatrixXf dot_product_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v) {
  // TODO: your code here.
  (void)q;
  (void)k;
  (void)v;
  throw not_implemented_error("dot_product_attention");
}
