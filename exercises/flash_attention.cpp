// flash_attention: FlashAttention (tiled attention with the online softmax)
// Statement: judge show flash_attention   (中文: judge show flash_attention --lang zh)
// Check:     judge check flash_attention
#include "exercise.h"

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v, int block_size) {
  // TODO: your code here.
  (void)q;
  (void)k;
  (void)v;
  (void)block_size;
  throw not_implemented_error("flash_attention");
}
