// Normalizes each column (over the rows, like BatchNorm over a batch) instead
// of each row. LayerNorm normalizes every token (row) over its own d features.
// The shape is right, so only the values show it.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index j = 0; j < x.cols() && x.rows() > 0; ++j) {
    const float mean = x.col(j).mean();  // bug: a column statistic
    const Eigen::ArrayXf c = x.col(j).array() - mean;
    const float var = c.square().mean();
    y.col(j) = (c / std::sqrt(var + eps) * gamma(j) + beta(j)).matrix();
  }
  return y;
}
