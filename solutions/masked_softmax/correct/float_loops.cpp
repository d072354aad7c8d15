// Plain float loops that skip blocked entries for the maximum, the sum and the
// output; a row with no finite kept entry stays zero.
// expect: accepted
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape");
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j) && x(i, j) > m) m = x(i, j);
    if (m == -std::numeric_limits<float>::infinity()) continue;
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) {
        y(i, j) = std::exp(x(i, j) - m);
        sum += y(i, j);
      }
    for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) /= sum;
  }
  return y;
}
