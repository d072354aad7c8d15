// Eigen expressions: blocked entries become -inf with select, then a row-wise
// stable softmax; rows whose maximum is -inf (nothing kept) become zeros.
// expect: accepted
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("masked_softmax: mask shape differs from x");
  if (x.cols() == 0) return MatrixXf(x.rows(), 0);
  const float inf = std::numeric_limits<float>::infinity();
  const Eigen::ArrayXXf z = mask.select(x, MatrixXf::Constant(x.rows(), x.cols(), -inf)).array();
  const Eigen::ArrayXf m = z.rowwise().maxCoeff();
  const Eigen::ArrayXf safe_m = (m == -inf).select(0.0f, m);
  // exp(-inf) may come out as a tiny positive number from Eigen's vectorised
  // exp; select writes exact zeros for the blocked entries.
  const Eigen::ArrayXXf e =
      mask.select((z.colwise() - safe_m).exp().matrix(), MatrixXf::Zero(x.rows(), x.cols())).array();
  const Eigen::ArrayXf sum = e.rowwise().sum();
  const Eigen::ArrayXf inv = (m == -inf).select(0.0f, sum.inverse());
  return (e.colwise() * inv).matrix();
}
