// grouped_query_attention: Grouped-query attention (GQA)
// Statement: judge show grouped_query_attention   (中文: judge show grouped_query_attention --lang zh)
// Check:     judge check grouped_query_attention
#include "exercise.h"

Eigen::MatrixXf grouped_query_attention(const Eigen::MatrixXf& x, const Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v, const Eigen::MatrixXf& w_o, int num_heads, int num_kv_heads) {
  // TODO: your code here.
  (void)x;
  (void)w_q;
  (void)w_k;
  (void)w_v;
  (void)w_o;
  (void)num_heads;
  (void)num_kv_heads;
  throw not_implemented_error("grouped_query_attention");
}
