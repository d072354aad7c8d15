// Plain loops in float: y = (x - m) - log(sum exp(x - m)) with std::exp.
// expect: accepted
#include "exercise.h"

#include <algorithm>

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = -inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j) m = std::max(m, x(i, j));
    if (m == -inf) {
      for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) = -inf;
      continue;
    }
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(x(i, j) - m);
    const float log_sum = std::log(sum);
    for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) = (x(i, j) - m) - log_sum;
  }
  return y;
}
