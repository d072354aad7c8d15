// Never checks that y and dy have the same shape, and reads only the overlap:
// a gradient of the wrong shape is a caller's bug that must throw
// std::invalid_argument instead of returning a quietly wrong result.
// expect: wrong_answer invalid
// mistake: No check that y and dy have the same shape
// mistake.zh: 没有检查 y 和 dy 的形状是否相同
// explain: When the shapes differ, this computes on the overlap only and quietly returns a result
// explain: of some other shape. A gradient of the wrong shape is the caller's bug: compare the rows
// explain: and the columns of y and dy first, and throw std::invalid_argument if either differs,
// explain: even when one side is empty.
// explain.zh: 形状不同时，这里只在重叠部分计算，悄悄返回一个形状不对的结果。
// explain.zh: 梯度形状不对是调用方的错误：应先比较 y 和 dy 的行数与列数，
// explain.zh: 只要有一个不同就抛出 std::invalid_argument，即使其中一方为空也一样。
#include "exercise.h"

#include <algorithm>

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  const Eigen::Index n = std::min(y.rows(), dy.rows());
  const Eigen::Index d = std::min(y.cols(), dy.cols());
  Eigen::MatrixXf dx(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    float dot = 0.0f;
    for (Eigen::Index j = 0; j < d; ++j) dot += y(i, j) * dy(i, j);
    for (Eigen::Index j = 0; j < d; ++j) dx(i, j) = y(i, j) * (dy(i, j) - dot);
  }
  return dx;
}
