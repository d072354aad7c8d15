// softmax = exp(x - logsumexp(x)), all in float: no division, but the rounding
// of lse (about eps32 * |x|) goes straight into the exponent, so this style
// needs the tolerance's magnitude term on rows around 1e4.
// expect: accepted
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    if (m == -inf) {
      y.row(i).setZero();
      continue;
    }
    const float lse = m + std::log((x.row(i).array() - m).exp().sum());
    y.row(i) = (x.row(i).array() - lse).exp().matrix();
  }
  return y;
}
