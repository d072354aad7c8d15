// Reduces over each column instead of each row: the result has d entries
// instead of n (and different values).
// expect: wrong_answer basic
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  VectorXf out = VectorXf::Constant(x.cols(), -inf);
  if (x.rows() == 0) return out;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const float m = x.col(j).maxCoeff();
    if (m == -inf) continue;
    out(j) = m + std::log((x.col(j).array() - m).exp().sum());
  }
  return out;
}
