// log(softmax(x)): a correct, stable row-wise softmax followed by a log. A
// probability below ~1e-45 is 0 in float32, so the row [0, -200] gives
// [0, -inf] instead of [0, -200] (Eigen's vectorised exp may instead clamp it
// to ~3e-39, giving about -88: wrong either way).
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
    } else {
      const Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
      y.row(i) = (e / e.sum()).matrix().transpose();
    }
  }
  return y.array().log().matrix();
}
