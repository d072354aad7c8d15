// Softmax over each column instead of each row (the wrong axis, as if the
// matrix were stored one token per column). The shape is right, but the
// columns sum to 1 instead of the rows.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.rows() == 0) return y;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const float m = x.col(j).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.col(j).setZero();
      continue;
    }
    const Eigen::ArrayXf e = (x.col(j).array() - m).exp();
    y.col(j) = (e / e.sum()).matrix();
  }
  return y;
}
