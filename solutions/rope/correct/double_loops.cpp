// Plain loops in double: the angle, cos, sin and the rotation itself, with the
// result rounded to float once.
// expect: accepted
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  const Eigen::Index n = x.rows(), d = x.cols();
  if (d % 2 != 0) throw std::invalid_argument("rope needs an even number of columns");
  MatrixXf out(n, d);
  for (Eigen::Index r = 0; r < n; ++r) {
    const double pos = static_cast<double>(position_offset) + static_cast<double>(r);
    for (Eigen::Index i = 0; i < d / 2; ++i) {
      const double theta = pos * std::pow(10000.0, -2.0 * i / d);
      const double a = x(r, 2 * i), b = x(r, 2 * i + 1);
      out(r, 2 * i) = static_cast<float>(a * std::cos(theta) - b * std::sin(theta));
      out(r, 2 * i + 1) = static_cast<float>(a * std::sin(theta) + b * std::cos(theta));
    }
  }
  return out;
}
