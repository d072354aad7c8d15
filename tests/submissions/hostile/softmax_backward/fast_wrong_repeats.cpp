// Answers differently from one repeat to the next. A timed case used to be
// run three times in one process, the time kept was the fastest repeat and
// the values kept were the last one's. So for the performance inputs
// (d = 4096) the first call on an input returns zeros at once, and later
// calls compute the right values slowly, with each row's d x d Jacobian
// (O(d^2) per row, about 15 x over the limit): fast time, right values,
// accepted. Each timed repeat now runs in a fresh process, and the values
// compared are those of the fastest run: every run is a first call, so the
// file gets wrong_answer in performance. Small inputs are answered
// correctly in every call.
// expect: wrong_answer performance
#include "exercise.h"
#include <algorithm>

// dx = J^T dy row by row with the softmax Jacobian J = diag(y) - y y^T built
// explicitly, a block of columns at a time: O(d^2) per row.
Eigen::MatrixXf jacobian_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::Index d = y.cols();
  const Eigen::Index block = 128;
  Eigen::MatrixXf dx(y.rows(), d);
  Eigen::MatrixXf jac(d, std::min(block, d));
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    const Eigen::VectorXf yi = y.row(i).transpose();
    const Eigen::VectorXf gi = dy.row(i).transpose();
    for (Eigen::Index c0 = 0; c0 < d; c0 += block) {
      const Eigen::Index cols = std::min(block, d - c0);
      // Columns c0 .. c0 + cols of J: J(j, k) = y_j (delta_jk - y_k).
      jac.leftCols(cols).noalias() = -yi * yi.segment(c0, cols).transpose();
      for (Eigen::Index k = 0; k < cols; ++k) jac(c0 + k, k) += yi(c0 + k);
      dx.row(i).segment(c0, cols).noalias() = gi.transpose() * jac.leftCols(cols);
    }
  }
  return dx;
}

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  // The first call on each new large input (one process used to serve
  // several cases) is the fast, wrong one.
  static double last_input = 0;
  if (y.cols() >= 4096 && y.rows() == dy.rows() && y.cols() == dy.cols()) {
    const double input = static_cast<double>(y.sum()) + 3 * static_cast<double>(dy.sum());
    if (input != last_input) {
      last_input = input;
      return Eigen::MatrixXf::Zero(y.rows(), y.cols());
    }
  }
  return jacobian_backward(y, dy);
}
