// Divides the sum of squared deviations by d - 1 (the unbiased sample
// variance, torch.var's default) instead of d. LayerNorm uses the biased
// variance: with d = 4 the variance is 4/3 too large and every output about
// 13% too small; a row of one entry divides 0 by 0.
// expect: wrong_answer basic
// mistake: Variance divided by d - 1 instead of d
// mistake.zh: 方差除以 d - 1 而不是 d
// explain: Dividing the squared deviations by d - 1 gives the unbiased sample variance (torch.var's
// explain: default), but LayerNorm uses the biased one: with d = 4 the variance is 4/3 too large
// explain: and every normalized value about 13% too small, and a row of one entry divides 0 by 0.
// explain: Divide by d, as nn.LayerNorm does.
// explain.zh: 偏差平方和除以 d - 1 得到的是无偏样本方差（torch.var 的默认做法），
// explain.zh: 但 LayerNorm 用的是有偏方差：d = 4 时方差大了 4/3 倍，每个归一化后的值都小了约 13%；
// explain.zh: 只有一个元素的行还会出现 0 除以 0。应像 nn.LayerNorm 一样除以 d。
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
