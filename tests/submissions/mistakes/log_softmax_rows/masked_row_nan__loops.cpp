// The mistake of solutions/log_softmax_rows/wrong/masked_row_nan.cpp, written with explicit loops and a double log-sum-exp per row instead of Eigen row expressions.
// expect-mistake: masked_row_nan
#include "exercise.h"

Eigen::MatrixXf log_softmax_rows(const Eigen::MatrixXf& x) {
  Eigen::MatrixXf out(x.rows(), x.cols());
  if (x.cols() == 0) return out;
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    double top = -std::numeric_limits<double>::infinity();
    for (Eigen::Index c = 0; c < x.cols(); ++c) top = std::max(top, static_cast<double>(x(r, c)));
    double acc = 0.0;
    for (Eigen::Index c = 0; c < x.cols(); ++c) acc += std::exp(static_cast<double>(x(r, c)) - top);
    const double log_acc = std::log(acc);
    for (Eigen::Index c = 0; c < x.cols(); ++c)
      out(r, c) = static_cast<float>((static_cast<double>(x(r, c)) - top) - log_acc);
  }
  return out;
}
