// Stable and per row, but a row of all -inf is not special-cased: its maximum
// is -inf, x - max = -inf - (-inf) = NaN, and the result is NaN instead of
// -inf.
// expect: wrong_answer edge
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  VectorXf out = VectorXf::Constant(x.rows(), -std::numeric_limits<float>::infinity());
  if (x.cols() == 0) return out;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    out(i) = m + std::log((x.row(i).array() - m).exp().sum());
  }
  return out;
}
