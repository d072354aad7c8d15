// Whole-matrix Eigen expressions: a rowwise logsumexp vector, then x minus it
// broadcast over the columns. Fully masked rows get -inf explicitly.
// expect: accepted
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  if (x.cols() == 0 || x.rows() == 0) return MatrixXf(x.rows(), x.cols());
  const Eigen::ArrayXf max = x.rowwise().maxCoeff().array();
  const Eigen::ArrayXf shift = (max == -inf).select(Eigen::ArrayXf::Zero(max.size()), max);
  const Eigen::ArrayXXf shifted = x.array().colwise() - shift;
  const Eigen::ArrayXf log_sum = shifted.exp().rowwise().sum().log();
  MatrixXf y = (shifted.colwise() - log_sum).matrix();
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (max(i) == -inf) y.row(i).setConstant(-inf);
  }
  return y;
}
