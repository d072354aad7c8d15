// Collects the kept indices of each row first, then float exps with a double
// row sum.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask must match x");
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  std::vector<Eigen::Index> kept;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    kept.clear();
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) kept.push_back(j);
    if (kept.empty()) continue;
    float m = x(i, kept.front());
    for (Eigen::Index j : kept) m = std::max(m, x(i, j));
    if (std::isinf(m) && m < 0) continue;  // every kept entry is -inf
    double sum = 0.0;
    for (Eigen::Index j : kept) {
      y(i, j) = std::exp(x(i, j) - m);
      sum += y(i, j);
    }
    for (Eigen::Index j : kept) y(i, j) = static_cast<float>(y(i, j) / sum);
  }
  return y;
}
