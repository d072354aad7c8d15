// Two passes with Eigen expressions in float: the row means, then the mean of
// the squared deviations (the biased variance), then scale and shift. On rows
// whose mean is 1e4 and std 1 this loses about eps32 * 1e4 ~ 1e-3, which the
// magnitude term of the tolerance allows.
// expect: accepted
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  if (x.cols() == 0) return MatrixXf(x.rows(), 0);
  const VectorXf mean = x.rowwise().mean();
  const MatrixXf centered = x.colwise() - mean;
  const VectorXf var = centered.array().square().rowwise().mean();
  const VectorXf inv_std = (var.array() + eps).rsqrt();
  MatrixXf y = inv_std.asDiagonal() * centered;
  y = (y.array().rowwise() * gamma.transpose().array()).rowwise() + beta.transpose().array();
  return y;
}
