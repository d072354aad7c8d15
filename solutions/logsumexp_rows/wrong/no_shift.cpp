// log(sum(exp(x))) taken literally, with no max shift: exp(1000) overflows
// float32 to inf, and a row around -1000 underflows to log(0) = -inf (or to a
// value near -88 with Eigen's vectorised exp).
// expect: wrong_answer stability
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  VectorXf out(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    out(i) = std::log(x.row(i).array().exp().sum());
  }
  return out;
}
