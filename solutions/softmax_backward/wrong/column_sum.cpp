// Sums dy * y over each column instead of each row: the wrong axis. Softmax was
// taken over each row, so the dot product must be too. Non-square inputs give a
// different answer (the shape still fits, so only the values are wrong).
// expect: wrong_answer basic
// mistake: Weighted sum <y, dy> taken down each column instead of along each row
// mistake.zh: 加权和 <y, dy> 沿列而不是沿行计算
// explain: Softmax was taken over each row, so its Jacobian only couples entries of the same row;
// explain: summing dy * y down the columns mixes different rows and gives wrong values (the shape
// explain: still fits). Compute s_i = sum_k dy[i, k] * y[i, k] along row i, then dx[i, j] = y[i, j]
// explain: * (dy[i, j] - s_i).
// explain.zh: softmax 是沿每一行计算的，它的 Jacobian 只把同一行的元素联系起来；
// explain.zh: 沿列对 dy * y 求和会把不同的行混在一起，得到错误的数值（形状仍然正确）。
// explain.zh: 应沿第 i 行计算 s_i = sum_k dy[i, k] * y[i, k]，
// explain.zh: 再令 dx[i, j] = y[i, j] * (dy[i, j] - s_i)。
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::RowVectorXf col_dot = (y.array() * dy.array()).colwise().sum();
  return (y.array() * (dy.array().rowwise() - col_dot.array())).matrix();
}
