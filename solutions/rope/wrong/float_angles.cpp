// Computes the frequencies and the angles in float32. At position 1e5 an angle
// like 1e5 * 0.1 = 1e4 is only known to within ~1e-3 (float32 values near 1e4
// are 1e-3 apart, and the rounded frequency adds ~6e-8 * 1e4), so the rotated
// values are off by ~1e-3 * |x|, far outside the tolerance. Small positions
// look fine.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index d = x.cols();
  MatrixXf out(x.rows(), d);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; 2 * i < d; ++i) {
      const float inv_freq = std::pow(10000.0f, -2.0f * static_cast<float>(i) / static_cast<float>(d));
      const float angle = static_cast<float>(position_offset + r) * inv_freq;  // bug: float angle
      const float c = std::cos(angle), s = std::sin(angle);
      const float a = x(r, 2 * i), b = x(r, 2 * i + 1);
      out(r, 2 * i) = a * c - b * s;
      out(r, 2 * i + 1) = a * s + b * c;
    }
  return out;
}
