// Reference: log of the softmax of each row, computed as x - logsumexp(row)
// in double precision (never as log(softmax(x)), which underflows).
#include "reference.h"

namespace reference {

Matrix log_softmax_rows(const Matrix& x) {
  Matrix y(x.rows(), x.cols());
  if (x.cols() == 0) return y;  // n x 0 (or 0 x 0)
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double max = x.row(i).maxCoeff();
    // Every entry is -inf: the log of a row of zeros is a row of -inf.
    if (max == -kInf) {
      y.row(i).setConstant(-kInf);
      continue;
    }
    const double log_sum = std::log((x.row(i).array() - max).exp().sum());
    // (x - max) - log_sum: a -inf entry stays -inf, the maximum gets -log_sum.
    y.row(i) = ((x.row(i).array() - max) - log_sum).matrix();
  }
  return y;
}

}  // namespace reference
