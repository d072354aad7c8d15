// Normalizes each row, but shifts every row by the maximum of the whole matrix
// instead of the row's own maximum. Mathematically the same; in float32 a row
// far below the matrix's maximum underflows: exp gives 0 everywhere and 0 / 0
// is NaN (or, with Eigen's vectorised exp clamping, a wrongly uniform row).
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.size() == 0) return y;
  const float m = x.maxCoeff();  // the trap: not x.row(i).maxCoeff()
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.row(i).maxCoeff() == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    const Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
