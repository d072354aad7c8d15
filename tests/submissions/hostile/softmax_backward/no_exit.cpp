// The fake clock of softmax_backward_fake_clock.cpp (its own
// std::chrono::steady_clock::now(), 1 microsecond per call) plus a way
// around measuring from outside: once it has seen the performance inputs
// (d = 4096), the program never exits after answering (a static destructor
// sleeps forever), so the jail's parent never gets the wait4() figures of a
// finished process. A judge that then falls back on the time the program
// reported itself is fooled again. With no rusage from a finished process,
// the judge must not trust the program's own figures: time_limit in
// performance. The values are right in every case (computed slowly, with
// each row's d x d Jacobian, about 15 x over the limit), so a judge that
// believes the program shows "accepted".
// expect: time_limit performance
#include "exercise.h"
#include <time.h>
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

namespace {
bool seen_large_input = false;

struct NeverExit {
  ~NeverExit() {
    while (seen_large_input) {
      timespec t{1, 0};
      nanosleep(&t, nullptr);
    }
  }
} never_exit;

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
}  // namespace

Eigen::MatrixXf softmax_backward(const Eigen::MatrixXf& y, const Eigen::MatrixXf& dy) {
  if (y.cols() >= 4096) seen_large_input = true;
  return jacobian_backward(y, dy);
}
