// Uses the pair index i instead of 2i in the exponent: w_i = 10000^(-i / d).
// The frequencies then only fall to 10000^(-1/2) = 0.01 instead of ~1e-4,
// so every pair after the first has the wrong wavelength.
// expect: wrong_answer basic
// mistake: Exponent i / d instead of 2i / d
// mistake.zh: 指数用了 i / d 而不是 2i / d
// explain: With w_i = 10000^(-i / d) the frequencies only fall to 10000^(-1/2) = 0.01 for the last
// explain: pair instead of about 1e-4, so every pair after the first has the wrong wavelength. The
// explain: exponent uses the index of the pair's first column: w_i = 10000^(-2i / d).
// explain.zh: 若 w_i = 10000^(-i / d)，最后一对的频率只降到 10000^(-1/2) = 0.01，而不是约 1e-4，
// explain.zh: 所以除第一对外，每一对的波长都不对。指数用的是这一对第一列的下标：
// explain.zh: w_i = 10000^(-2i / d)。
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
