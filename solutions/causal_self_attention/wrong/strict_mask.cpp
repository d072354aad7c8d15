// Masks with j < i instead of j <= i: a token may not look at itself. Row 0
// then has no key at all and comes out as zeros, and every other row misses
// its own (often largest) score.
// expect: wrong_answer basic
// mistake: Causal mask j < i instead of j <= i
// mistake.zh: 因果掩码写成 j < i，而不是 j <= i
// explain: With j < i a token may not attend itself: row 0 has no key at all and comes out as
// explain: zeros, and every other row misses its own (often largest) score. Causal means j <= i:
// explain: keep the diagonal, so that row 0 equals V[0].
// explain.zh: 用 j < i 时 token 不能关注自己：第 0 行没有任何键，输出为全 0，
// explain.zh: 其余每一行也都漏掉了自己的分数（往往是最大的那个）。因果的意思是 j <= i：保留对角线，
// explain.zh: 这样第 0 行就等于 V[0]。
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  const Eigen::Index n = x.rows();
  MatrixXf out = MatrixXf::Zero(n, v.cols());
  for (Eigen::Index i = 0; i < n; ++i) {
    if (i == 0) continue;                                               // nothing before token 0
    Eigen::VectorXf s = (k.topRows(i) * q.row(i).transpose()) * scale;  // bug: j < i
    Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
    e /= e.sum();
    out.row(i) = e.matrix().transpose() * v.topRows(i);
  }
  return out;
}
