// No sin or cos per entry: position p + 1 is position p rotated by w_i,
//   sin((p+1) w) = sin(p w) cos(w) + cos(p w) sin(w)
//   cos((p+1) w) = cos(p w) cos(w) - sin(p w) sin(w),
// carried in double, where the error grows like p * eps64 (~1e-13 at 2048);
// in float it would grow like p * eps32 and fail.
// expect: accepted
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0 || d % 2 == 1) throw std::invalid_argument("bad n or d");
  MatrixXf pe(n, d);
  for (int i = 0; i < d / 2; ++i) {
    const double w = std::pow(10000.0, -(2.0 * i) / d);
    const double cw = std::cos(w), sw = std::sin(w);
    double s = 0.0, c = 1.0;  // position 0
    for (int p = 0; p < n; ++p) {
      pe(p, 2 * i) = static_cast<float>(s);
      pe(p, 2 * i + 1) = static_cast<float>(c);
      const double s_next = s * cw + c * sw;
      c = c * cw - s * sw;
      s = s_next;
    }
  }
  return pe;
}
