// Normalizes each row, but shifts every row by the maximum of the whole matrix
// instead of the row's own maximum. Mathematically the same; in float32 a row
// far below the matrix's maximum underflows: exp gives 0 everywhere and 0 / 0
// is NaN (or, with Eigen's vectorised exp clamping, a wrongly uniform row).
// expect: wrong_answer stability
// mistake: Every row shifted by the maximum of the whole matrix
// mistake.zh: 所有行都减去整个矩阵的最大值
// explain: One global maximum is exact in real numbers, but in a row far below it (near -1000 while
// explain: another row is near 1000) every exp(x - m) underflows to 0 in float32, so that row
// explain: becomes 0 / 0 = NaN, or a wrongly uniform row. Shift each row by its own maximum, m_i =
// explain: max_k x[i][k].
// explain.zh: 减去一个全局最大值在实数意义下是精确的，但远低于它的行（例如另一行在 1000 附近，
// explain.zh: 而这一行在 -1000 附近）中，每个 exp(x - m) 都会在 float32 中下溢为 0，
// explain.zh: 这一行就变成 0 / 0 = NaN，或者错误的均匀分布。
// explain.zh: 应让每一行减去它自己的最大值 m_i = max_k x[i][k]。
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.size() == 0) return y;
  const float m = x.maxCoeff();  // the trap: not x.row(i).maxCoeff()
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.row(i).maxCoeff() == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    const Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
