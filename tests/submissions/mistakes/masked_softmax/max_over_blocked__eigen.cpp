// The mistake of solutions/masked_softmax/wrong/max_over_blocked.cpp, written with Eigen row expressions and mask.select() instead of scalar loops over the kept entries.
// expect-mistake: max_over_blocked
#include "exercise.h"

Eigen::MatrixXf masked_softmax(const Eigen::MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("masked_softmax: mask and x must have the same shape");
  Eigen::MatrixXf y = Eigen::MatrixXf::Zero(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (!mask.row(i).any()) continue;  // nothing kept: a row of zeros
    const float shift = x.row(i).maxCoeff();
    const Eigen::RowVectorXf e =
        mask.row(i).select((x.row(i).array() - shift).exp().matrix(), 0.0f);
    y.row(i) = e / e.sum();
  }
  return y;
}
