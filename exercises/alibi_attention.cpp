// alibi_attention: Causal attention with ALiBi
// Statement: judge show alibi_attention   (中文: judge show alibi_attention --lang zh)
// Check:     judge check alibi_attention
#include "exercise.h"

MatrixXf alibi_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float slope) {
  // TODO: your code here.
  (void)q;
  (void)k;
  (void)v;
  (void)slope;
  throw not_implemented_error("alibi_attention");
}
