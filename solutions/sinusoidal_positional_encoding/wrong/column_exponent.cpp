// Uses the column index j in the exponent for every column, 10000^(-j / d),
// so a cos column 2i + 1 gets the frequency 10000^(-(2i + 1) / d) instead of
// sharing the frequency of its sin column 2i. The pair no longer has one
// angle, and the relative-position property (a rotation per pair) is lost.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0 || d % 2 != 0) throw std::invalid_argument("need n >= 0 and an even d >= 0");
  MatrixXf pe(n, d);
  for (int p = 0; p < n; ++p)
    for (int j = 0; j < d; ++j) {
      const double angle = p * std::pow(10000.0, -static_cast<double>(j) / d);  // bug: j
      pe(p, j) = static_cast<float>(j % 2 == 0 ? std::sin(angle) : std::cos(angle));
    }
  return pe;
}
