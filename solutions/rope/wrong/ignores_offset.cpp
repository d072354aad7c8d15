// Uses the row index as the position and ignores position_offset. Right when
// the block starts at position 0, but in KV-cache decoding the new token sits
// at position offset (the cache length), not 0.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int /*position_offset*/) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index d = x.cols();
  MatrixXf out(x.rows(), d);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; 2 * i < d; ++i) {
      const double angle = static_cast<double>(r) * std::pow(10000.0, -2.0 * i / d);  // bug
      const float c = static_cast<float>(std::cos(angle)), s = static_cast<float>(std::sin(angle));
      const float a = x(r, 2 * i), b = x(r, 2 * i + 1);
      out(r, 2 * i) = a * c - b * s;
      out(r, 2 * i + 1) = a * s + b * c;
    }
  return out;
}
