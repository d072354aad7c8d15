// Uses the pair index i instead of 2i in the exponent: w_i = 10000^(-i / d).
// The frequencies then only fall to 10000^(-1/2) = 0.01 instead of ~1e-4,
// so every pair after the first has the wrong wavelength.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0 || d % 2 != 0) throw std::invalid_argument("need n >= 0 and an even d >= 0");
  MatrixXf pe(n, d);
  for (int p = 0; p < n; ++p)
    for (int i = 0; i < d / 2; ++i) {
      const double angle = p * std::pow(10000.0, -static_cast<double>(i) / d);  // bug: i, not 2i
      pe(p, 2 * i) = static_cast<float>(std::sin(angle));
      pe(p, 2 * i + 1) = static_cast<float>(std::cos(angle));
    }
  return pe;
}
