// rope: Rotary position embedding (RoPE)
// Statement: judge show rope   (中文: judge show rope --lang zh)
// Check:     judge check rope
#include "exercise.h"

Eigen::MatrixXf rope(const Eigen::MatrixXf& x, int position_offset) {
  // TODO: your code here.
  (void)x;
  (void)position_offset;
  throw not_implemented_error("rope");
}
