// x - log(sum(exp(x))) with no max shift: exp(1000) overflows float32 to inf,
// so the row becomes -inf or NaN; a row around -1000 gives log(0) = -inf and
// x - (-inf) = +inf.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(x(i, j));
    const float lse = std::log(sum);
    for (Eigen::Index j = 0; j < x.cols(); ++j) y(i, j) = x(i, j) - lse;
  }
  return y;
}
