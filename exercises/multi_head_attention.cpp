// multi_head_attention: Multi-head self-attention
// Statement: judge show multi_head_attention   (中文: judge show multi_head_attention --lang zh)
// Check:     judge check multi_head_attention
#include "exercise.h"

Eigen::MatrixXf multi_head_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v, const Eigen::MatrixXf& w_o, int num_heads) {
  // TODO: your code here.
  (void)x;
  (void)w_q;
  (void)w_k;
  (void)w_v;
  (void)w_o;
  (void)num_heads;
  throw not_implemented_error("multi_head_attention");
}
