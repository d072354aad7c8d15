// Uses the column index j in the exponent for every column, 10000^(-j / d),
// so a cos column 2i + 1 gets the frequency 10000^(-(2i + 1) / d) instead of
// sharing the frequency of its sin column 2i. The pair no longer has one
// angle, and the relative-position property (a rotation per pair) is lost.
// expect: wrong_answer basic
// mistake: Column index j in the exponent instead of the pair's 2i
// mistake.zh: 指数中用了列下标 j，而不是这一对的 2i
// explain: Using 10000^(-j / d) for every column gives the cos column 2i + 1 the frequency
// explain: 10000^(-(2i + 1) / d) instead of that of its sin column, so a pair no longer shares one
// explain: angle and the encoding is no longer a rotation per pair. Both columns of pair i use w_i
// explain: = 10000^(-2i / d).
// explain.zh: 每一列都用 10000^(-j / d)，会让 cos 列 2i + 1 的频率变成 10000^(-(2i + 1) / d)，
// explain.zh: 而不是与它的 sin 列相同，于是同一对不再共享一个角度，编码也不再是每对一个旋转。
// explain.zh: 第 i 对的两列都应使用 w_i = 10000^(-2i / d)。
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
