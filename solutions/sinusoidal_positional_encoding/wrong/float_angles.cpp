// The frequencies and the angles p * w_i in float32 (the common PyTorch
// tutorial code, run in float). An angle near 2000 is then only known to
// within ~1e-4 (float32 values there are 1.2e-4 apart, and w_i itself is
// rounded), so sin and cos are off by 3e-5 to 7e-5 in a 2048-position table
// and by 3e-4 in an 8192-position one: 3 to 30 times the tolerance. Small
// tables look fine.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0 || d % 2 != 0) throw std::invalid_argument("need n >= 0 and an even d >= 0");
  MatrixXf pe(n, d);
  const float scale = -std::log(10000.0f) / static_cast<float>(d);
  for (int i = 0; i < d / 2; ++i) {
    const float w = std::exp(static_cast<float>(2 * i) * scale);
    for (int p = 0; p < n; ++p) {
      const float angle = static_cast<float>(p) * w;  // bug: float angle
      pe(p, 2 * i) = std::sin(angle);
      pe(p, 2 * i + 1) = std::cos(angle);
    }
  }
  return pe;
}
