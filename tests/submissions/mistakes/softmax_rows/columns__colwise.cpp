// The mistake of solutions/softmax_rows/wrong/columns.cpp, written as whole-matrix Eigen colwise()/rowwise() broadcasts instead of an explicit loop over the columns.
// expect-mistake: columns
#include "exercise.h"

Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x) {
  if (x.rows() == 0 || x.cols() == 0) return Eigen::MatrixXf(x.rows(), x.cols());
  const float neg_inf = -std::numeric_limits<float>::infinity();

  const Eigen::RowVectorXf peak = x.colwise().maxCoeff();
  // A line that is entirely -inf is shifted by 0 instead, so its exps are all 0.
  const Eigen::RowVectorXf shift = (peak.array() == neg_inf).select(0.0f, peak);
  const Eigen::ArrayXXf e = (x.array().rowwise() - shift.array()).exp();
  Eigen::RowVectorXf totals = e.colwise().sum();
  totals = (totals.array() == 0.0f).select(1.0f, totals);
  return (e.rowwise() / totals.array()).matrix();
}
