// Whole-matrix Eigen expressions: rowwise maxima, a colwise broadcast of the
// shift, rowwise sums. Fully masked rows (maximum -inf) are shifted by 0 to
// avoid NaN and then zeroed explicitly.
// expect: accepted
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  if (x.cols() == 0 || x.rows() == 0) return MatrixXf(x.rows(), x.cols());
  const float inf = std::numeric_limits<float>::infinity();
  const Eigen::ArrayXf max = x.rowwise().maxCoeff().array();
  const Eigen::ArrayXf shift = (max == -inf).select(Eigen::ArrayXf::Zero(max.size()), max);
  const Eigen::ArrayXXf e = (x.array().colwise() - shift).exp();
  const Eigen::ArrayXf sum = e.rowwise().sum();
  MatrixXf y = (e.colwise() / sum).matrix();
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (max(i) == -inf) y.row(i).setZero();
  }
  return y;
}
