// label_smoothing_cross_entropy: Cross-entropy with label smoothing
// Statement: judge show label_smoothing_cross_entropy   (中文: judge show label_smoothing_cross_entropy --lang zh)
// Check:     judge check label_smoothing_cross_entropy
#include "exercise.h"

float label_smoothing_cross_entropy(const Eigen::MatrixXf& logits, const std::vector<int>& labels, float smoothing) {
  // TODO: your code here.
  (void)logits;
  (void)labels;
  (void)smoothing;
  throw not_implemented_error("label_smoothing_cross_entropy");
}
