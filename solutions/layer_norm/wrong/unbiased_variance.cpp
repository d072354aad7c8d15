// Divides the sum of squared deviations by d - 1 (the unbiased sample
// variance, torch.var's default) instead of d. LayerNorm uses the biased
// variance: with d = 4 the variance is 4/3 too large and every output about
// 13% too small; a row of one entry divides 0 by 0.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  for (Eigen::Index i = 0; i < x.rows() && d > 0; ++i) {
    const float mean = x.row(i).mean();
    const Eigen::ArrayXf c = x.row(i).transpose().array() - mean;
    const float var = c.square().sum() / static_cast<float>(d - 1);  // bug: d - 1
    y.row(i) = (c / std::sqrt(var + eps) * gamma.array() + beta.array()).matrix().transpose();
  }
  return y;
}
