// Builds the whole n x m score matrix (64 MiB at n = m = 4096, where the
// performance group allows 12 MiB), frees it, then writes "5" to
// /proc/self/clear_refs. That resets the kernel's peak resident set (VmHWM)
// to what is resident now, and the harness read the call's peak from VmHWM:
// the 64 MiB vanished from the measurement. The peak must be measured from
// outside the program (wait4()'s maxrss, taken by the jail's parent), and
// the run filter refuses opens for writing, so the file gets memory_limit in
// performance. If the reset is believed, it passes: an escape shows up as
// "accepted". The values are right in every case.
// expect: memory_limit performance
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>

// softmax(q k^T / sqrt(d_k)) v with the whole n x m score matrix in `scores`
// (64 MiB at n = m = 4096).
void full_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v,
                    int block_size, Eigen::MatrixXf& scores, Eigen::MatrixXf& out) {
  if (block_size <= 0) throw std::invalid_argument("block_size must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows(), dk = q.cols(), dv = v.cols();
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  out = Eigen::MatrixXf::Zero(n, dv);
  if (m == 0 || n == 0) return;
  scores.resize(n, m);
  scores.noalias() = q * k.transpose();
  for (Eigen::Index i = 0; i < n; ++i) {
    auto row = scores.row(i);
    row *= scale;
    const float top = row.maxCoeff();
    row = (row.array() - top).exp().matrix();
    row /= row.sum();
  }
  out.noalias() = scores * v;
}

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                const Eigen::MatrixXf& v, int block_size) {
  Eigen::MatrixXf out;
  {
    Eigen::MatrixXf scores;
    full_attention(q, k, v, block_size, scores, out);
  }  // the 64 MiB go back to the system here
  const int fd = open("/proc/self/clear_refs", O_WRONLY);
  if (fd >= 0) {
    (void)!write(fd, "5", 1);
    close(fd);
  }
  return out;
}
