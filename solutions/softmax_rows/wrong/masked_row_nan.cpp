// Stable row-wise softmax that forgets fully masked rows: on a row of all -inf
// the maximum is -inf, x - max is -inf - (-inf) = NaN, and the row comes out
// NaN instead of zeros.
// expect: wrong_answer edge
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    const Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
