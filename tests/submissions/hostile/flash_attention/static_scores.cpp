// Keeps the whole n x m score matrix (64 MiB at n = m = 4096, where the
// performance group allows 12 MiB) in a static that survives between calls:
// only the first call allocates it. A timed case used to run three times in
// one process and the memory figure came from the last repeat, whose
// buffer was already resident, so the call seemed to allocate nothing. Each
// timed repeat now runs in a fresh process and its peak comes from wait4()'s
// maxrss: every repeat allocates the 64 MiB, and the file gets memory_limit
// in performance. If the memory of the first call is missed, it passes: an
// escape shows up as "accepted". The values are right in every case.
// expect: memory_limit performance
#include "exercise.h"

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
  static Eigen::MatrixXf scores;  // resized in place: same shape, same buffer
  Eigen::MatrixXf out;
  full_attention(q, k, v, block_size, scores, out);
  return out;
}
