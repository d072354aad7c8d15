// Shifts every row by the maximum of the whole matrix instead of the row's own
// maximum. Exact in real numbers, but a row far below the matrix's maximum
// underflows: its sum is 0 (log gives -inf) or, with Eigen's vectorised exp,
// a clamped tiny value that gives nonsense.
// expect: wrong_answer stability
// mistake: Every row shifted by the maximum of the whole matrix
// mistake.zh: 所有行都减去整个矩阵的最大值
// explain: m + log(sum exp(x - m)) is exact for any m in real numbers, but with the global maximum
// explain: a row far below it (near -1000 while another row is near 1000) has every exp(x - m)
// explain: underflow to 0 in float32: log(0) gives -inf, or Eigen's vectorised exp clamps the terms
// explain: to a tiny value whose log is just as wrong. Use each row's own maximum m_i.
// explain.zh: 在实数意义下，m + log(sum exp(x - m)) 对任意 m 都精确，但用全局最大值时，
// explain.zh: 远低于它的行（例如另一行在 1000 附近，而这一行在 -1000 附近）中，
// explain.zh: 每个 exp(x - m) 都会在 float32 中下溢为 0：log(0) 得到 -inf，
// explain.zh: 或者 Eigen 的向量化 exp 把各项截断成一个极小值，取对数后同样是错的。
// explain.zh: 应使用每一行自己的最大值 m_i。
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  VectorXf out = VectorXf::Constant(x.rows(), -inf);
  if (x.size() == 0) return out;
  const float m = x.maxCoeff();  // the trap: not x.row(i).maxCoeff()
  if (m == -inf) return out;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    out(i) = m + std::log((x.row(i).array() - m).exp().sum());
  }
  return out;
}
