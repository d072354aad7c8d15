// Only the angle is in double, as the statement asks: cos and sin are rounded
// to float and the rotation is done in float, which costs ~2 eps32 * |x| (the
// tolerance's magnitude term).
// expect: accepted
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 == 1) throw std::invalid_argument("odd d");
  const int d = static_cast<int>(x.cols());
  MatrixXf out(x.rows(), x.cols());
  for (int i = 0; i < d / 2; ++i) {
    const double inv_freq = 1.0 / std::pow(10000.0, static_cast<double>(2 * i) / d);
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
      const double angle = (position_offset + static_cast<double>(r)) * inv_freq;
      const float c = static_cast<float>(std::cos(angle));
      const float s = static_cast<float>(std::sin(angle));
      const float x0 = x(r, 2 * i), x1 = x(r, 2 * i + 1);
      out(r, 2 * i) = x0 * c - x1 * s;
      out(r, 2 * i + 1) = x0 * s + x1 * c;
    }
  }
  return out;
}
