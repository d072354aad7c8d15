// Reduces over each column instead of each row: the result has d entries
// instead of n (and different values).
// expect: wrong_answer basic
// mistake: Log-sum-exp over columns instead of rows
// mistake.zh: 沿列而不是沿行计算 log-sum-exp
// explain: Reducing over each column returns d values, one per column, instead of n, so for any
// explain: non-square matrix the result has the wrong length (and wrong values). Reduce along each
// explain: row: lse[i] = m_i + log(sum_j exp(x[i][j] - m_i)), one value per row.
// explain.zh: 沿每一列归约会返回 d 个值（每列一个），而不是 n 个，所以对任何非方阵，
// explain.zh: 结果的长度都不对（数值也不对）。应沿每一行归约：
// explain.zh: lse[i] = m_i + log(sum_j exp(x[i][j] - m_i))，每一行得到一个值。
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  VectorXf out = VectorXf::Constant(x.cols(), -inf);
  if (x.rows() == 0) return out;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const float m = x.col(j).maxCoeff();
    if (m == -inf) continue;
    out(j) = m + std::log((x.col(j).array() - m).exp().sum());
  }
  return out;
}
