// Rotates by -theta: out[2i] = x[2i] cos + x[2i + 1] sin and
// out[2i + 1] = -x[2i] sin + x[2i + 1] cos. Norms and relative positions are
// still preserved, but every row is rotated the wrong way (this is the
// inverse rotation), so queries and keys would not match a model trained with
// the standard one.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index d = x.cols();
  MatrixXf out(x.rows(), d);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; 2 * i < d; ++i) {
      const double angle = (static_cast<double>(position_offset) + r) * std::pow(10000.0, -2.0 * i / d);
      const float c = static_cast<float>(std::cos(angle)), s = static_cast<float>(std::sin(angle));
      const float a = x(r, 2 * i), b = x(r, 2 * i + 1);
      out(r, 2 * i) = a * c + b * s;  // bug: sign of sin swapped
      out(r, 2 * i + 1) = -a * s + b * c;
    }
  return out;
}
