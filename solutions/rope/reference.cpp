// Reference: rotary position embedding (RoFormer) on interleaved pairs, in
// double precision. Row r is at position p = position_offset + r; pair i
// (columns 2i, 2i + 1) is rotated by the angle p * 10000^(-2i / d):
//   out[2i]     = x[2i] cos - x[2i + 1] sin
//   out[2i + 1] = x[2i] sin + x[2i + 1] cos
// Any offset is accepted, negative ones included; an odd d throws.
#include "reference_blocks.h"

namespace reference {

Matrix rope(const Matrix& x, int position_offset) {
  blocks::require(x.cols() % 2 == 0, "rope: d must be even (columns are rotated in pairs)");
  const Eigen::Index d = x.cols();
  Matrix out(x.rows(), d);
  for (Eigen::Index i = 0; 2 * i < d; ++i) {
    const double w = std::pow(10000.0, -2.0 * static_cast<double>(i) / static_cast<double>(d));
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
      const double angle = (static_cast<double>(position_offset) + static_cast<double>(r)) * w;
      const double c = std::cos(angle), s = std::sin(angle);
      out(r, 2 * i) = x(r, 2 * i) * c - x(r, 2 * i + 1) * s;
      out(r, 2 * i + 1) = x(r, 2 * i) * s + x(r, 2 * i + 1) * c;
    }
  }
  return out;
}

}  // namespace reference
