// cross_attention: Encoder-decoder cross-attention
// Statement: judge show cross_attention   (中文: judge show cross_attention --lang zh)
// Check:     judge check cross_attention
#include "exercise.h"

Eigen::MatrixXf cross_attention(const Eigen::MatrixXf& x_dec, const Eigen::MatrixXf& x_enc, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  // TODO: your code here.
  (void)x_dec;
  (void)x_enc;
  (void)w_q;
  (void)w_k;
  (void)w_v;
  throw not_implemented_error("cross_attention");
}
