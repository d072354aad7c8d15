// RoFormer's complex form: pair i is the complex number x[2i] + j x[2i + 1],
// and the rotation multiplies it by e^(j theta) (std::polar in double).
// expect: accepted
#include "exercise.h"

#include <complex>

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("rope: x needs an even number of columns");
  const Eigen::Index half = x.cols() / 2;
  MatrixXf out(x.rows(), x.cols());
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; i < half; ++i) {
      const double theta = (static_cast<long long>(position_offset) + r) *
                           std::exp(-std::log(10000.0) * (2.0 * i) / (2.0 * half));
      const std::complex<double> z(x(r, 2 * i), x(r, 2 * i + 1));
      const std::complex<double> rotated = z * std::polar(1.0, theta);
      out(r, 2 * i) = static_cast<float>(rotated.real());
      out(r, 2 * i + 1) = static_cast<float>(rotated.imag());
    }
  return out;
}
