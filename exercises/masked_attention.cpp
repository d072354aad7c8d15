// masked_attention: Masked scaled dot-product attention
// Statement: judge show masked_attention   (中文: judge show masked_attention --lang zh)
// Check:     judge check masked_attention
#include "exercise.h"

Eigen::MatrixXf masked_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, const Mask& mask) {
  // TODO: your code here.
  (void)q;
  (void)k;
  (void)v;
  (void)mask;
  throw not_implemented_error("masked_attention");
}
