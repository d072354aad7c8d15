// sample_token: Sampling the next token: temperature, top-k and top-p
// Statement: judge show sample_token   (中文: judge show sample_token --lang zh)
// Check:     judge check sample_token
#include "exercise.h"

int sample_token(const VectorXf& logits, float temperature, int top_k, float top_p, float u) {
  // TODO: your code here.
  (void)logits;
  (void)temperature;
  (void)top_k;
  (void)top_p;
  (void)u;
  throw not_implemented_error("sample_token");
}
