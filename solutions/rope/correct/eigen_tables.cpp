// Eigen, table style (as inference code caches them): cos and sin tables of
// shape n x d/2 computed in double from the outer product positions x
// frequencies, cast to float, then the even and odd columns (strided maps)
// are rotated with array expressions in float.
// expect: accepted
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index n = x.rows(), half = x.cols() / 2;
  const double d = static_cast<double>(x.cols());
  Eigen::VectorXd pos(n);
  for (Eigen::Index r = 0; r < n; ++r) pos(r) = static_cast<double>(position_offset) + r;
  Eigen::RowVectorXd freq(half);
  for (Eigen::Index i = 0; i < half; ++i) freq(i) = std::pow(10000.0, -2.0 * i / d);
  const Eigen::ArrayXXd angles = (pos * freq).array();
  const Eigen::ArrayXXf c = angles.cos().cast<float>(), s = angles.sin().cast<float>();
  // Columns 0, 2, 4, ... and 1, 3, 5, ... of the column-major x.
  using Strided = Eigen::Map<const Eigen::MatrixXf, 0, Eigen::OuterStride<>>;
  const Strided even(x.data(), n, half, Eigen::OuterStride<>(2 * n));
  const Strided odd(half > 0 ? x.data() + n : x.data(), n, half, Eigen::OuterStride<>(2 * n));
  const Eigen::ArrayXXf e = even.array(), o = odd.array();
  const Eigen::ArrayXXf new_even = e * c - o * s, new_odd = e * s + o * c;
  MatrixXf out(n, x.cols());
  for (Eigen::Index i = 0; i < half; ++i) {
    out.col(2 * i) = new_even.col(i).matrix();
    out.col(2 * i + 1) = new_odd.col(i).matrix();
  }
  return out;
}
