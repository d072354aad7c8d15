// The mistake of solutions/softmax_rows/wrong/global_max.cpp, written with nested float loops over (i, j) and a double row sum instead of Eigen row expressions.
// expect-mistake: global_max
#include "exercise.h"

Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x) {
  const Eigen::Index rows = x.rows(), cols = x.cols();
  Eigen::MatrixXf y(rows, cols);
  if (rows == 0 || cols == 0) return y;
  const float neg_inf = -std::numeric_limits<float>::infinity();

  float shift = neg_inf;
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) shift = std::max(shift, x(i, j));

  for (Eigen::Index i = 0; i < rows; ++i) {
    bool masked = true;
    for (Eigen::Index j = 0; j < cols; ++j)
      if (x(i, j) != neg_inf) masked = false;
    if (masked) {
      for (Eigen::Index j = 0; j < cols; ++j) y(i, j) = 0.0f;
      continue;
    }
    double row_total = 0.0;
    for (Eigen::Index j = 0; j < cols; ++j) {
      y(i, j) = std::exp(x(i, j) - shift);
      row_total += y(i, j);
    }
    for (Eigen::Index j = 0; j < cols; ++j)
      y(i, j) = static_cast<float>(y(i, j) / row_total);
  }
  return y;
}
