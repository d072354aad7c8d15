// Plain loops in float with std::exp: three passes per row (max, sum, divide).
// expect: accepted
#include "exercise.h"

#include <algorithm>

MatrixXf softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = -inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j) m = std::max(m, x(i, j));
    if (m == -inf) {
      for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) = 0.0f;
      continue;
    }
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      y(i, j) = std::exp(x(i, j) - m);
      sum += y(i, j);
    }
    for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) /= sum;
  }
  return y;
}
