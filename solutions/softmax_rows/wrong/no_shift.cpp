// The textbook formula exp(x) / sum(exp(x)) with no max shift: exp(1000)
// overflows float32 to inf and inf / inf is NaN; rows far below zero underflow.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(x(i, j));
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      y(i, j) = sum > 0.0f ? std::exp(x(i, j)) / sum : 0.0f;
    }
  }
  return y;
}
