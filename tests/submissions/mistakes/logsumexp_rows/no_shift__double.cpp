// The mistake of solutions/logsumexp_rows/wrong/no_shift.cpp, written as a scalar double-precision loop over each row instead of a float Eigen expression.
// expect-mistake: no_shift
#include "exercise.h"

Eigen::VectorXf logsumexp_rows(const Eigen::MatrixXf& x) {
  Eigen::VectorXf lse(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double total = 0.0;  // an empty row, or a row of -inf, sums to 0: log gives -inf
    for (Eigen::Index j = 0; j < x.cols(); ++j) total += std::exp(static_cast<double>(x(i, j)));
    lse[i] = static_cast<float>(std::log(total));
  }
  return lse;
}
