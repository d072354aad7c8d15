// The mistake of solutions/rope/wrong/half_split.cpp, written column-block-wise with Eigen arrays (one cos/sin column of double angles per pair, whole columns rotated at once) instead of a scalar loop over rows and pairs.
// expect-mistake: half_split
#include "exercise.h"

Eigen::MatrixXf rope(const Eigen::MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("rope: d must be even");
  const Eigen::Index n = x.rows(), d = x.cols(), half = d / 2;
  Eigen::MatrixXf out(n, d);
  Eigen::ArrayXd position(n);
  for (Eigen::Index r = 0; r < n; ++r)
    position(r) = static_cast<double>(position_offset) + static_cast<double>(r);
  for (Eigen::Index i = 0; i < half; ++i) {
    const double freq = std::pow(10000.0, -2.0 * static_cast<double>(i) / static_cast<double>(d));
    const Eigen::ArrayXd angle = position * freq;
    const Eigen::ArrayXf c = angle.unaryExpr([](double a) { return std::cos(a); }).cast<float>();
    const Eigen::ArrayXf s = angle.unaryExpr([](double a) { return std::sin(a); }).cast<float>();
    const Eigen::ArrayXf first = x.col(i).array();
    const Eigen::ArrayXf second = x.col(i + half).array();
    out.col(i) = (first * c - second * s).matrix();
    out.col(i + half) = (first * s + second * c).matrix();
  }
  return out;
}
