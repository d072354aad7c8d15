// The mistake of solutions/layer_norm/wrong/unbiased_variance.cpp, written as whole-matrix Eigen rowwise()/colwise() broadcasts (rowwise().mean(), rowwise().squaredNorm()) with no per-row loop.
// expect-mistake: unbiased_variance
#include "exercise.h"

Eigen::MatrixXf layer_norm(const Eigen::MatrixXf& x, const Eigen::VectorXf& gamma, const Eigen::VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("layer_norm: gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("layer_norm: eps must be >= 0 and not NaN");
  if (x.rows() == 0 || x.cols() == 0) return Eigen::MatrixXf(x.rows(), x.cols());
  const Eigen::VectorXf mean = x.rowwise().mean();
  const Eigen::MatrixXf centered = x.colwise() - mean;
  const Eigen::VectorXf var =
      centered.rowwise().squaredNorm() / static_cast<float>(x.cols() - 1);
  const Eigen::ArrayXf inv_std = (var.array() + eps).rsqrt();
  Eigen::ArrayXXf normed = centered.array().colwise() * inv_std;
  normed.rowwise() *= gamma.transpose().array();
  normed.rowwise() += beta.transpose().array();
  return normed.matrix();
}
