// Normalizes each column instead of each row (the wrong axis): the shape is
// right, but exp of each column sums to 1 instead of each row.
// expect: wrong_answer basic
// mistake: Log-softmax over columns instead of rows
// mistake.zh: 沿列而不是沿行计算 log-softmax
// explain: Each column is normalized, so exp of each column sums to 1 instead of each row: the
// explain: shape is right, but the axis is wrong. Compute one log-sum-exp per row and subtract it
// explain: from that row: y[i][j] = x[i][j] - lse_i.
// explain.zh: 这里对每一列做了归一化，于是每一列取 exp 后之和为 1，而不是每一行：形状没错，
// explain.zh: 但轴错了。应对每一行计算一个 log-sum-exp，并从这一行中减去它：
// explain.zh: y[i][j] = x[i][j] - lse_i。
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  MatrixXf y(x.rows(), x.cols());
  if (x.rows() == 0) return y;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const float m = x.col(j).maxCoeff();
    if (m == -inf) {
      y.col(j).setConstant(-inf);
      continue;
    }
    const float log_sum = std::log((x.col(j).array() - m).exp().sum());
    y.col(j) = ((x.col(j).array() - m) - log_sum).matrix();
  }
  return y;
}
