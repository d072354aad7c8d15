// rms_norm: RMSNorm (LLaMA's normalization)
// Statement: judge show rms_norm   (中文: judge show rms_norm --lang zh)
// Check:     judge check rms_norm
#include "exercise.h"

Eigen::MatrixXf rms_norm(const Eigen::MatrixXf& x, const Eigen::VectorXf& gamma, float eps) {
  // TODO: your code here.
  (void)x;
  (void)gamma;
  (void)eps;
  throw not_implemented_error("rms_norm");
}
