// Whole-matrix Eigen expressions: rowwise maxima, a colwise broadcast of the
// shift, rowwise sums, then a select that puts -inf on fully masked rows.
// expect: accepted
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  if (x.cols() == 0 || x.rows() == 0) return VectorXf::Constant(x.rows(), -inf);
  const Eigen::ArrayXf max = x.rowwise().maxCoeff().array();
  const Eigen::ArrayXf shift = (max == -inf).select(Eigen::ArrayXf::Zero(max.size()), max);
  const Eigen::ArrayXf sum = (x.array().colwise() - shift).exp().rowwise().sum();
  const Eigen::ArrayXf lse = shift + sum.log();
  return (max == -inf).select(Eigen::ArrayXf::Constant(max.size(), -inf), lse).matrix();
}
