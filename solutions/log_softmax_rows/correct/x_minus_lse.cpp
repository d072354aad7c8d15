// The textbook x - logsumexp(x), with lse = m + log(sum exp(x - m)) rounded to
// float first: on the row [1000, 1000] this is off by ~3e-5 (the rounding of
// lse near 1000), which the tolerance's magnitude term must accept.
// expect: accepted
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    if (m == -inf) {
      y.row(i).setConstant(-inf);
      continue;
    }
    const float lse = m + std::log((x.row(i).array() - m).exp().sum());
    y.row(i) = (x.row(i).array() - lse).matrix();
  }
  return y;
}
