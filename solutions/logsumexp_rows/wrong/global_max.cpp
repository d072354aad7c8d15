// Shifts every row by the maximum of the whole matrix instead of the row's own
// maximum. Exact in real numbers, but a row far below the matrix's maximum
// underflows: its sum is 0 (log gives -inf) or, with Eigen's vectorised exp,
// a clamped tiny value that gives nonsense.
// expect: wrong_answer stability
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  VectorXf out = VectorXf::Constant(x.rows(), -inf);
  if (x.size() == 0) return out;
  const float m = x.maxCoeff();  // the trap: not x.row(i).maxCoeff()
  if (m == -inf) return out;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    out(i) = m + std::log((x.row(i).array() - m).exp().sum());
  }
  return out;
}
