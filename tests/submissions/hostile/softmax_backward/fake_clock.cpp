// Computes the right values the slow way (each row's d x d Jacobian, O(d^2)
// per row, about 15 x over the performance limit) but defines
// std::chrono::steady_clock::now() itself. The harness times each call with
// that clock, and a definition in the learner's object file wins over
// libstdc++'s at link time: this one advances 1 microsecond per call, so
// every call looks instant. Time must be measured from outside the program
// (the CPU time wait4() reports for the process that ran the case), so the
// file gets time_limit in performance. If the fake clock is believed, the
// file passes: an escape shows up as "accepted".
// expect: time_limit performance
#include "exercise.h"
#include <algorithm>
#include <chrono>

namespace std::chrono {
inline namespace _V2 {
steady_clock::time_point steady_clock::now() noexcept {
  static long long ticks = 0;
  ticks += 1000;  // 1 us per call
  return time_point(duration(ticks));
}
}  // namespace _V2
}  // namespace std::chrono

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
  return jacobian_backward(y, dy);
}
