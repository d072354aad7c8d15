// softmax_temperature: Softmax with temperature
// Statement: judge show softmax_temperature   (中文: judge show softmax_temperature --lang zh)
// Check:     judge check softmax_temperature
#include "exercise.h"

Eigen::MatrixXf softmax_temperature(const Eigen::MatrixXf& logits, float temperature) {
  // TODO: your code here.
  (void)logits;
  (void)temperature;
  throw not_implemented_error("softmax_temperature");
}
