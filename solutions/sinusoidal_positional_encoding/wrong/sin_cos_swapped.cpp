// Puts cos in the even columns and sin in the odd ones. The convention is
// PE[p, 2i] = sin, PE[p, 2i + 1] = cos: row 0 must be [0, 1, 0, 1, ...].
// expect: wrong_answer basic
// mistake: cos in the even columns and sin in the odd ones
// mistake.zh: 偶数列放了 cos，奇数列放了 sin
// explain: The convention is PE[p, 2i] = sin(p * w_i) and PE[p, 2i + 1] = cos(p * w_i), so row 0
// explain: must be [0, 1, 0, 1, ...]; swapping them gives [1, 0, 1, 0, ...], every value in the
// explain: wrong column. Put sin in the even columns and cos in the odd ones.
// explain.zh: 约定是 PE[p, 2i] = sin(p * w_i)、PE[p, 2i + 1] = cos(p * w_i)，
// explain.zh: 所以第 0 行必须是 [0, 1, 0, 1, ...]；交换后得到 [1, 0, 1, 0, ...]，每个值都放错了列。
// explain.zh: 偶数列放 sin，奇数列放 cos。
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0 || d % 2 != 0) throw std::invalid_argument("need n >= 0 and an even d >= 0");
  MatrixXf pe(n, d);
  for (int p = 0; p < n; ++p)
    for (int i = 0; i < d / 2; ++i) {
      const double angle = p * std::pow(10000.0, -2.0 * i / d);
      pe(p, 2 * i) = static_cast<float>(std::cos(angle));  // bug: swapped
      pe(p, 2 * i + 1) = static_cast<float>(std::sin(angle));
    }
  return pe;
}
