// Divides by sqrt(var) + eps instead of sqrt(var + eps). With eps = 1e-5 and a
// variance near 1 the two differ by 5e-6 relative, well inside the tolerance,
// so only a case whose eps is comparable to the row variance shows it
// (var = eps = 0.01: sqrt(0.02) = 0.141 against 0.1 + 0.01 = 0.11).
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf layer_norm(const MatrixXf& x, const VectorXf& gamma, const VectorXf& beta, float eps) {
  if (gamma.size() != x.cols() || beta.size() != x.cols())
    throw std::invalid_argument("gamma and beta need one entry per column");
  if (!(eps >= 0)) throw std::invalid_argument("eps must be >= 0");
  const Eigen::Index d = x.cols();
  MatrixXf y(x.rows(), d);
  for (Eigen::Index i = 0; i < x.rows() && d > 0; ++i) {
    const float mean = x.row(i).mean();
    const Eigen::ArrayXf c = x.row(i).transpose().array() - mean;
    const float var = c.square().mean();
    const float denom = std::sqrt(var) + eps;  // bug: eps belongs inside the sqrt
    y.row(i) = (c / denom * gamma.array() + beta.array()).matrix().transpose();
  }
  return y;
}
