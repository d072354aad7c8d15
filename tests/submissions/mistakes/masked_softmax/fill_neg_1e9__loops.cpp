// The mistake of solutions/masked_softmax/wrong/fill_neg_1e9.cpp, written with scalar loops and a per-row std::vector of filled scores instead of mask.select() and Eigen array expressions.
// expect-mistake: fill_neg_1e9
#include "exercise.h"

Eigen::MatrixXf masked_softmax(const Eigen::MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("masked_softmax: mask and x must have the same shape");
  const Eigen::Index n = x.rows(), d = x.cols();
  Eigen::MatrixXf y(n, d);
  std::vector<float> row(static_cast<std::size_t>(d));
  for (Eigen::Index i = 0; i < n; ++i) {
    float hi = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < d; ++j) {
      row[static_cast<std::size_t>(j)] = mask(i, j) ? x(i, j) : -1e9f;
      hi = std::max(hi, row[static_cast<std::size_t>(j)]);
    }
    if (hi == -std::numeric_limits<float>::infinity()) {
      for (Eigen::Index j = 0; j < d; ++j) y(i, j) = 0.0f;
      continue;
    }
    double total = 0.0;
    for (Eigen::Index j = 0; j < d; ++j) {
      row[static_cast<std::size_t>(j)] = std::exp(row[static_cast<std::size_t>(j)] - hi);
      total += row[static_cast<std::size_t>(j)];
    }
    for (Eigen::Index j = 0; j < d; ++j)
      y(i, j) = static_cast<float>(row[static_cast<std::size_t>(j)] / total);
  }
  return y;
}
