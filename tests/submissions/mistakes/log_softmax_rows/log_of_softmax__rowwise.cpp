// The mistake of solutions/log_softmax_rows/wrong/log_of_softmax.cpp, written as whole-matrix Eigen rowwise()/colwise() broadcasts with no per-row loop.
// expect-mistake: log_of_softmax
#include "exercise.h"

Eigen::MatrixXf log_softmax_rows(const Eigen::MatrixXf& x) {
  if (x.cols() == 0 || x.rows() == 0) return Eigen::MatrixXf(x.rows(), x.cols());
  const float neg_inf = -std::numeric_limits<float>::infinity();

  const Eigen::VectorXf row_max = x.rowwise().maxCoeff();
  // A fully masked row is shifted by 0: its exps are 0, its probabilities 0, their log -inf.
  const Eigen::VectorXf shift = (row_max.array() == neg_inf).select(0.0f, row_max);
  const Eigen::ArrayXXf e = (x.colwise() - shift).array().exp();
  Eigen::VectorXf sums = e.rowwise().sum();
  sums = (sums.array() == 0.0f).select(1.0f, sums);
  const Eigen::ArrayXXf p = e.colwise() / sums.array();
  return p.log().matrix();
}
