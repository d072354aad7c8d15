// softmax_rows: Row-wise softmax of a matrix
// Statement: judge show softmax_rows   (中文: judge show softmax_rows --lang zh)
// Check:     judge check softmax_rows
#include "exercise.h"

Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x) {
  // TODO: your code here.
  (void)x;
  throw not_implemented_error("softmax_rows");
}
