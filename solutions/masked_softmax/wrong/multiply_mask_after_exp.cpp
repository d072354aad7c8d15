// Shifts by the maximum of the kept entries, takes exp of the whole row and then
// multiplies by the mask to zero the blocked entries. A blocked entry far above
// the kept maximum (1e6, or just 200) gives exp(...) = inf, and inf * 0 = NaN,
// which spreads through the row sum.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  const float inf = std::numeric_limits<float>::infinity();
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = -inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) m = std::max(m, x(i, j));
    if (m == -inf) continue;
    Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
    e *= mask.row(i).transpose().cast<float>().array();  // inf * 0 = NaN
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
