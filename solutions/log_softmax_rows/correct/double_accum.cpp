// Loops in double: the row's logsumexp is computed in double and each output
// is rounded to float once.
// expect: accepted
#include "exercise.h"

#include <algorithm>

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const double inf = std::numeric_limits<double>::infinity();
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double m = -inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j) m = std::max(m, static_cast<double>(x(i, j)));
    double lse = -inf;
    if (m > -inf) {
      double sum = 0.0;
      for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(static_cast<double>(x(i, j)) - m);
      lse = m + std::log(sum);
    }
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      // A fully masked row: every entry is -inf, and so is its log-probability.
      y(i, j) = lse == -inf ? -std::numeric_limits<float>::infinity()
                            : static_cast<float>(static_cast<double>(x(i, j)) - lse);
    }
  }
  return y;
}
