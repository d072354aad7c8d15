// Loops that shift by the row maximum in float but take exp and accumulate the
// sum in double, rounding to float once at the end.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <vector>

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  std::vector<double> e(static_cast<std::size_t>(x.cols()));
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    double m = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j < x.cols(); ++j) m = std::max(m, static_cast<double>(x(i, j)));
    if (!(m > -std::numeric_limits<double>::infinity())) continue;  // fully masked: zeros
    double sum = 0.0;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      e[j] = std::exp(static_cast<double>(x(i, j)) - m);
      sum += e[j];
    }
    for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) = static_cast<float>(e[j] / sum);
  }
  return y;
}
