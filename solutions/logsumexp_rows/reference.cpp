// Reference: log(sum(exp(row))) for each row of a matrix, in double precision.
#include "reference.h"

namespace reference {

Vector logsumexp_rows(const Matrix& x) {
  // An empty row (d = 0) is a sum of no terms: log(0) = -inf.
  Vector out = Vector::Constant(x.rows(), -kInf);
  if (x.cols() == 0) return out;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double max = x.row(i).maxCoeff();
    // Every entry is -inf: the sum is 0 and its log is -inf (and -inf - -inf
    // would be NaN, so stop before the shift).
    if (max == -kInf) continue;
    out(i) = max + std::log((x.row(i).array() - max).exp().sum());
  }
  return out;
}

}  // namespace reference
