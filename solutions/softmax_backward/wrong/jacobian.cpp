// Builds each row's full d x d Jacobian J = diag(y) - y y^T and multiplies it by
// dy. The values are right, but every row costs O(d^2) time and memory: at
// d = 4096 that is a 64 MiB matrix per row, far slower than the O(d) formula
// y * (dy - <y, dy>).
// expect: time_limit performance
// mistake: Full d x d Jacobian built for every row
// mistake.zh: 为每一行构造完整的 d x d Jacobian
// explain: The values are right, but building J = diag(y) - y y^T costs O(d^2) time and memory per
// explain: row: at d = 4096 that is a 64 MiB matrix per row, far too slow. J^T dy simplifies to y *
// explain: (dy - <y, dy>), one weighted sum per row, which is O(d).
// explain.zh: 数值是对的，但构造 J = diag(y) - y y^T 每一行都需要 O(d^2) 的时间和内存：
// explain.zh: d = 4096 时每行就是一个 64 MiB 的矩阵，太慢了。J^T dy 可以化简为 y * (dy - <y, dy>)，
// explain.zh: 每行只需一个加权和，复杂度为 O(d)。
#include "exercise.h"

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  Eigen::MatrixXf dx(y.rows(), y.cols());
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    const Eigen::VectorXf yi = y.row(i).transpose();
    Eigen::MatrixXf jacobian = -yi * yi.transpose();
    jacobian.diagonal() += yi;
    dx.row(i) = (jacobian.transpose() * dy.row(i).transpose()).transpose();
  }
  return dx;
}
