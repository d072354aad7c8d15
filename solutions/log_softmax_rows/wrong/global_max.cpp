// Uses the maximum of the whole matrix as the shift for every row. A row far
// below that maximum underflows: its sum is 0, log gives -inf and x - (-inf)
// is +inf (or, with Eigen's vectorised exp clamping, a value off by hundreds).
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  if (x.size() == 0) return y;
  const float m = x.maxCoeff();  // the trap: not x.row(i).maxCoeff()
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.row(i).maxCoeff() == -inf) {
      y.row(i).setConstant(-inf);
      continue;
    }
    const float lse = m + std::log((x.row(i).array() - m).exp().sum());
    y.row(i) = (x.row(i).array() - lse).matrix();
  }
  return y;
}
