// Reference: row-wise softmax over the kept entries of a mask, in double precision.
// mask(i, j) true = keep, false = blocked. Blocked entries give 0 and take no
// part in the maximum or the sum, whatever value x holds there.
#include "reference.h"

namespace reference {

Matrix masked_softmax(const Matrix& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("masked_softmax: the mask must have the same shape as x");
  Matrix y = Matrix::Zero(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    // The maximum over the kept entries only.
    double max = -kInf;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j) && x(i, j) > max) max = x(i, j);
    // Nothing kept, or every kept entry is -inf: a row of zeros, not NaN.
    if (max == -kInf) continue;
    double sum = 0;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) {
        y(i, j) = std::exp(x(i, j) - max);
        sum += y(i, j);
      }
    y.row(i) /= sum;
  }
  return y;
}

}  // namespace reference
