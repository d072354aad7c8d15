// Normalizes each column instead of each row (the wrong axis): the shape is
// right, but exp of each column sums to 1 instead of each row.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  if (x.rows() == 0) return y;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const float m = x.col(j).maxCoeff();
    if (m == -inf) {
      y.col(j).setConstant(-inf);
      continue;
    }
    const float log_sum = std::log((x.col(j).array() - m).exp().sum());
    y.col(j) = ((x.col(j).array() - m) - log_sum).matrix();
  }
  return y;
}
