// Softmax over each column instead of each row (the wrong axis, as if the
// matrix were stored one token per column). The shape is right, but the
// columns sum to 1 instead of the rows.
// expect: wrong_answer basic
// mistake: Softmax over columns instead of rows
// mistake.zh: 沿列而不是沿行做 softmax
// explain: This normalizes each column, so the columns of the result sum to 1 while the rows do
// explain: not: the shape is right, only the axis is wrong. Each row holds one token's logits: take
// explain: the maximum, the exponentials and the sum along row i (the last axis), so that every row
// explain: sums to 1.
// explain.zh: 这里对每一列做了归一化，结果的每一列之和为 1，而各行之和不为 1：形状没错，错的是轴。
// explain.zh: 每一行是一个 token 的 logits：应沿第 i 行（最后一个轴）求最大值、取指数并求和，
// explain.zh: 使每一行之和为 1。
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.rows() == 0) return y;
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    const float m = x.col(j).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.col(j).setZero();
      continue;
    }
    const Eigen::ArrayXf e = (x.col(j).array() - m).exp();
    y.col(j) = (e / e.sum()).matrix();
  }
  return y;
}
