// The mistake of solutions/sinusoidal_positional_encoding/wrong/i_not_2i.cpp, written with Eigen column arrays (a LinSpaced position column times each pair's frequency, sin/cos applied to whole columns) instead of a scalar double loop over (p, i).
// expect-mistake: i_not_2i
#include "exercise.h"

Eigen::MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0) throw std::invalid_argument("sinusoidal_positional_encoding: n and d must be >= 0");
  if (d % 2 != 0) throw std::invalid_argument("sinusoidal_positional_encoding: d must be even");
  Eigen::MatrixXf pe(n, d);
  if (n == 0 || d == 0) return pe;
  const Eigen::ArrayXd position = Eigen::ArrayXd::LinSpaced(n, 0.0, static_cast<double>(n - 1));
  for (int i = 0; i < d / 2; ++i) {
    const double freq = std::pow(10000.0, -static_cast<double>(i) / static_cast<double>(d));
    const Eigen::ArrayXd angle = position * freq;
    pe.col(2 * i) = angle.unaryExpr([](double a) { return std::sin(a); }).cast<float>().matrix();
    pe.col(2 * i + 1) = angle.unaryExpr([](double a) { return std::cos(a); }).cast<float>().matrix();
  }
  return pe;
}
