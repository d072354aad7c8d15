// Writes -inf into the blocked entries and runs the usual stable softmax with
// no special case. Partly blocked rows are right, but a fully blocked row has
// max = -inf, exp(-inf - -inf) = exp(NaN), and the row is NaN instead of zeros.
// expect: wrong_answer edge
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  const float inf = std::numeric_limits<float>::infinity();
  const MatrixXf filled = mask.select(x, MatrixXf::Constant(x.rows(), x.cols(), -inf));
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.cols() == 0) break;
    const float m = filled.row(i).maxCoeff();
    Eigen::ArrayXf e = (filled.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
