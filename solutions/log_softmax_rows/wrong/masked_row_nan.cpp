// Stable and per row, but a row of all -inf is not special-cased: its maximum
// is -inf, x - max = -inf - (-inf) = NaN, and the row comes out NaN instead of
// all -inf.
// expect: wrong_answer edge
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    const float log_sum = std::log((x.row(i).array() - m).exp().sum());
    y.row(i) = ((x.row(i).array() - m) - log_sum).matrix();
  }
  return y;
}
