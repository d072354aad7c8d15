// Forges the jail's status report. judge-jail's parent half writes "exit N"
// or "signal N" to fd 5 when the program ends, and the judge reads the first
// line it finds there. The program reopens that pipe through
// /proc/<ppid>/fd/5 (and /proc/2/fd/5) and writes "exit 0" first, with
// rusage-looking figures after it, so whatever really ends the program (the
// CPU limit, SIGSYS, a crash) would be reported as a clean exit, and any
// figure the jail might one day report could be written by the program. The
// run sandbox must have no /proc and its filter refuses opens for writing, so
// the forgery fails and the file then computes the right values slowly, with
// each row's d x d Jacobian (O(d^2) per row, about 15 x over the limit):
// time_limit in performance. If the forgery is written, the file answers
// fast and correctly, so an escape shows up as "accepted".
// expect: time_limit performance
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cstring>
#include <string>

namespace {
bool forged_status() {
  const char* forged = "exit 0\nutime 0.000001 stime 0.000001 maxrss 1024\n";
  bool escaped = false;
  for (const std::string pid : {std::to_string(getppid()), std::string("2")}) {
    if (pid == std::to_string(getpid())) continue;
    const int fd = open(("/proc/" + pid + "/fd/5").c_str(), O_WRONLY | O_NONBLOCK);
    if (fd < 0) continue;
    escaped = escaped || write(fd, forged, std::strlen(forged)) > 0;
    close(fd);
  }
  return escaped;
}

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
  static const bool escaped = forged_status();
  if (!escaped) return jacobian_backward(y, dy);
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("y and dy must have the same shape");
  const Eigen::VectorXf s = (y.array() * dy.array()).rowwise().sum();
  return (y.array() * (dy.array().colwise() - s.array())).matrix();
}
