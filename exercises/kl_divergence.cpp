// kl_divergence: KL divergence between two softmax distributions
// Statement: judge show kl_divergence   (中文: judge show kl_divergence --lang zh)
// Check:     judge check kl_divergence
#include "exercise.h"

float kl_divergence(const Eigen::MatrixXf& p_logits, const Eigen::MatrixXf& q_logits) {
  // TODO: your code here.
  (void)p_logits;
  (void)q_logits;
  throw not_implemented_error("kl_divergence");
}
