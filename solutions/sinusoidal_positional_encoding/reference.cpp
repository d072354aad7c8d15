// Reference: the sinusoidal positional encoding of "Attention Is All You Need",
// in double precision: PE[p, 2i] = sin(p * w_i), PE[p, 2i + 1] = cos(p * w_i)
// with w_i = 10000^(-2i / d). d odd, n < 0 or d < 0 throws.
#include "reference_blocks.h"

namespace reference {

Matrix sinusoidal_positional_encoding(int n, int d) {
  blocks::require(n >= 0, "sinusoidal_positional_encoding: n must be >= 0");
  blocks::require(d >= 0, "sinusoidal_positional_encoding: d must be >= 0");
  blocks::require(d % 2 == 0, "sinusoidal_positional_encoding: d must be even (sin/cos pairs)");
  Matrix pe(n, d);
  for (int i = 0; 2 * i < d; ++i) {
    const double w = std::pow(10000.0, -2.0 * i / d);
    for (int p = 0; p < n; ++p) {
      const double angle = p * w;
      pe(p, 2 * i) = std::sin(angle);
      pe(p, 2 * i + 1) = std::cos(angle);
    }
  }
  return pe;
}

}  // namespace reference
