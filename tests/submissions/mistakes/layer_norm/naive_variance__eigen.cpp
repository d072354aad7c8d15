// The mistake of solutions/layer_norm/wrong/naive_variance.cpp, written with Eigen row reductions (mean(), squaredNorm()) instead of a scalar loop accumulating x and x^2.
// expect-mistake: naive_variance
#include "exercise.h"

Eigen::MatrixXf layer_norm(const Eigen::MatrixXf& x, const Eigen::VectorXf& gamma, const Eigen::VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("layer_norm: gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("layer_norm: eps must be >= 0 and not NaN");
  const Eigen::Index d = x.cols();
  Eigen::MatrixXf y(x.rows(), d);
  if (d == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float mu = x.row(i).mean();
    const float mean_sq = x.row(i).squaredNorm() / static_cast<float>(d);
    const float var = mean_sq - mu * mu;
    const float inv = 1.0f / std::sqrt(var + eps);
    y.row(i) = ((x.row(i).array() - mu) * inv * gamma.transpose().array() +
                beta.transpose().array()).matrix();
  }
  return y;
}
