// No causal mask at all: every token attends every key, future ones included,
// so only the last row is right.
// expect: wrong_answer basic
// mistake: No causal mask: every token attends future tokens
// mistake.zh: 没有因果掩码：每个 token 都能看到未来的 token
// explain: Without the mask, token i attends every key, including the tokens after it, so only the
// explain: last row (which may see everything) is right. Row i may only use keys j <= i: write -inf
// explain: into S(i, j) for j > i before the softmax, or loop over j <= i only, keeping the
// explain: diagonal.
// explain.zh: 没有掩码时，第 i 个 token 会关注所有键，包括它后面的 token，所以只有最后一行
// explain.zh: （本来就能看到全部）是对的。第 i 行只能使用 j <= i 的键：
// explain.zh: 在 softmax 之前把 j > i 的 S(i, j) 写成 -inf，或者只对 j <= i 循环，并保留对角线。
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf s = (q * k.transpose()) * scale;  // bug: no mask
  MatrixXf p(s.rows(), s.cols());
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    Eigen::ArrayXf e = (s.row(i).transpose().array() - s.row(i).maxCoeff()).exp();
    p.row(i) = (e / e.sum()).matrix().transpose();
  }
  return p * v;
}
