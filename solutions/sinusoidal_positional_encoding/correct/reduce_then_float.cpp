// Only the angle needs double: it is reduced modulo 2 pi in double, and the
// reduced angle (in [0, 2 pi)) is then small enough for float sinf/cosf, whose
// error there is ~eps32 * 2 pi ~ 1e-6.
// expect: accepted
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0) throw std::invalid_argument("n < 0");
  if (d < 0 || d % 2 != 0) throw std::invalid_argument("d must be even and >= 0");
  const double two_pi = 2.0 * 3.14159265358979323846;
  MatrixXf pe(n, d);
  for (int i = 0; 2 * i < d; ++i) {
    const double w = 1.0 / std::pow(10000.0, static_cast<double>(2 * i) / d);
    for (int p = 0; p < n; ++p) {
      const float r = static_cast<float>(std::fmod(p * w, two_pi));
      pe(p, 2 * i) = std::sin(r);
      pe(p, 2 * i + 1) = std::cos(r);
    }
  }
  return pe;
}
