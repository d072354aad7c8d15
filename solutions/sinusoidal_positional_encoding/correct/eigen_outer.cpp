// Vectorized with Eigen in double: the frequencies exp(-2i * ln(10000) / d)
// (the PyTorch tutorial's div_term), the outer product positions x
// frequencies gives every angle, then sin and cos fill the even and odd
// columns.
// expect: accepted
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0) throw std::invalid_argument("n and d must be >= 0");
  if (d % 2 != 0) throw std::invalid_argument("d must be even");
  const int half = d / 2;
  const Eigen::VectorXd pos = Eigen::VectorXd::LinSpaced(n, 0.0, n - 1.0);
  const Eigen::ArrayXd two_i = 2.0 * Eigen::ArrayXd::LinSpaced(half, 0.0, half - 1.0);
  const Eigen::RowVectorXd freq = (two_i * (-std::log(10000.0) / d)).exp().matrix().transpose();
  const Eigen::MatrixXd angles = pos * freq;  // n x d/2
  MatrixXf pe(n, d);
  for (int i = 0; i < half; ++i) {
    pe.col(2 * i) = angles.col(i).array().sin().cast<float>().matrix();
    pe.col(2 * i + 1) = angles.col(i).array().cos().cast<float>().matrix();
  }
  return pe;
}
