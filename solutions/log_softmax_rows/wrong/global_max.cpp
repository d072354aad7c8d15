// Uses the maximum of the whole matrix as the shift for every row. A row far
// below that maximum underflows: its sum is 0, log gives -inf and x - (-inf)
// is +inf (or, with Eigen's vectorised exp clamping, a value off by hundreds).
// expect: wrong_answer stability
// mistake: Every row shifted by the maximum of the whole matrix
// mistake.zh: 所有行都减去整个矩阵的最大值
// explain: With one global maximum, a row far below it has every exp(x - m) underflow to 0 in
// explain: float32: its log-sum-exp becomes -inf and x - (-inf) = +inf, or, with Eigen's vectorised
// explain: exp clamping, a value off by hundreds. Compute each row's log-sum-exp with that row's
// explain: own maximum m_i.
// explain.zh: 只用一个全局最大值时，远低于它的行中每个 exp(x - m) 都会在 float32 中下溢为 0：
// explain.zh: 这一行的 log-sum-exp 变成 -inf，x - (-inf) = +inf；或者在 Eigen 向量化 exp 的截断下，
// explain.zh: 结果偏差数百。应使用每一行自己的最大值 m_i 来计算这一行的 log-sum-exp。
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  if (x.size() == 0) return y;
  const float m = x.maxCoeff();  // the trap: not x.row(i).maxCoeff()
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.row(i).maxCoeff() == -inf) {
      y.row(i).setConstant(-inf);
      continue;
    }
    const float lse = m + std::log((x.row(i).array() - m).exp().sum());
    y.row(i) = (x.row(i).array() - lse).matrix();
  }
  return y;
}
