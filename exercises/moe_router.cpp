// moe_router: Top-k router of a mixture-of-experts layer
// Statement: judge show moe_router   (中文: judge show moe_router --lang zh)
// Check:     judge check moe_router
#include "exercise.h"

Routing moe_router(const MatrixXf& x, const MatrixXf& w_gate, int top_k) {
  // TODO: your code here.
  (void)x;
  (void)w_gate;
  (void)top_k;
  throw not_implemented_error("moe_router");
}
