// causal_self_attention: Causal self-attention
// Statement: judge show causal_self_attention   (中文: judge show causal_self_attention --lang zh)
// Check:     judge check causal_self_attention
#include "exercise.h"

Eigen::MatrixXf causal_self_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v) {
  // TODO: your code here.
  (void)x;
  (void)w_q;
  (void)w_k;
  (void)w_v;
  throw not_implemented_error("causal_self_attention");
}
