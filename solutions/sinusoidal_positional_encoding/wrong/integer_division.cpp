// Computes the exponent as (2 * i) / d with ints: integer division makes it 0
// for every pair, so every frequency is 1 and every pair repeats sin(p), cos(p).
// Write 2.0 * i / d.
// expect: wrong_answer basic
// mistake: Integer division in the exponent: (2 * i) / d is 0
// mistake.zh: 指数用了整数除法：(2 * i) / d 恒为 0
// explain: With int operands, (2 * i) / d truncates to 0 for every pair (2i < d), so every
// explain: frequency is 1 and every pair repeats sin(p), cos(p). The exponent is the real number 2i
// explain: / d: make one operand floating point, e.g. 2.0 * i / d.
// explain.zh: 两个操作数都是 int 时，(2 * i) / d 对每一对（2i < d）都截断为 0，于是所有频率都是 1，
// explain.zh: 每一对都重复 sin(p)、cos(p)。指数应是实数 2i / d：让其中一个操作数为浮点数，
// explain.zh: 例如 2.0 * i / d。
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0 || d % 2 != 0) throw std::invalid_argument("need n >= 0 and an even d >= 0");
  MatrixXf pe(n, d);
  for (int p = 0; p < n; ++p)
    for (int i = 0; i < d / 2; ++i) {
      const double angle = p / std::pow(10000.0, (2 * i) / d);  // bug: int / int
      pe(p, 2 * i) = static_cast<float>(std::sin(angle));
      pe(p, 2 * i + 1) = static_cast<float>(std::cos(angle));
    }
  return pe;
}
