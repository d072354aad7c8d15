// Writes -1e9 into the blocked entries and runs a plain softmax. Blocked entries
// then get exp(-1e9 - max) = 0, which looks right, but a fully blocked row is
// all -1e9 and comes out uniform (1/d everywhere) instead of all zeros.
// expect: wrong_answer edge
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  const MatrixXf filled = mask.select(x, MatrixXf::Constant(x.rows(), x.cols(), -1e9f));
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.cols() == 0) break;
    const float m = filled.row(i).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf e = (filled.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
