// Takes the row maximum over every entry, blocked ones included. A blocked
// entry holding 1e6 becomes the shift, so every kept exp(x - 1e6) underflows to
// 0 and the row is 0 / 0 = NaN.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.cols() == 0 || !mask.row(i).any()) continue;
    const float m = x.row(i).maxCoeff();  // bug: blocked entries included
    float sum = 0;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) {
        y(i, j) = std::exp(x(i, j) - m);
        sum += y(i, j);
      }
    y.row(i) /= sum;
  }
  return y;
}
