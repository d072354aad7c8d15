// Divides by sqrt(var) + eps instead of sqrt(var + eps). With eps = 1e-5 and a
// variance near 1 the two differ by 5e-6 relative, well inside the tolerance,
// so only a case whose eps is comparable to the row variance shows it
// (var = eps = 0.01: sqrt(0.02) = 0.141 against 0.1 + 0.01 = 0.11).
// expect: wrong_answer basic
// mistake: eps added outside the square root: sqrt(var) + eps
// mistake.zh: eps 加在平方根外面：sqrt(var) + eps
// explain: The denominator must be sqrt(var + eps). With eps = 1e-5 and a variance near 1 the two
// explain: barely differ, but when eps is comparable to the variance they do: var = eps = 0.01
// explain: gives sqrt(0.02) = 0.141 against 0.1 + 0.01 = 0.11. Add eps to the variance, then take
// explain: the square root.
// explain.zh: 分母必须是 sqrt(var + eps)。当 eps = 1e-5、方差接近 1 时两者几乎没有差别，
// explain.zh: 但当 eps 与方差相当时差别就很明显：var = eps = 0.01 时 sqrt(0.02) = 0.141，
// explain.zh: 而 0.1 + 0.01 = 0.11。应先把 eps 加到方差上，再开平方。
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
