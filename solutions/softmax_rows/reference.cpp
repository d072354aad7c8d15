// Reference: softmax of each row of a matrix, in double precision.
#include "reference.h"

namespace reference {

Matrix softmax_rows(const Matrix& x) {
  Matrix y(x.rows(), x.cols());
  if (x.cols() == 0) return y;  // n x 0 (or 0 x 0): nothing to normalize
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    // The maximum of this row only: a row of small scores next to a row of
    // large ones must not be shifted by the other row's maximum.
    const double max = x.row(i).maxCoeff();
    // Every entry is -inf: a fully masked row gives zeros, not NaN.
    if (max == -kInf) {
      y.row(i).setZero();
      continue;
    }
    const Eigen::RowVectorXd shifted = (x.row(i).array() - max).exp().matrix();
    y.row(i) = shifted / shifted.sum();
  }
  return y;
}

}  // namespace reference
