// Loops written for self-attention, where d_k = d_v: the result is sized
// n x q.cols() and the weighted sum runs over d_k columns of v. Right when
// d_k == d_v (as in the sample), the wrong shape as soon as they differ.
// expect: wrong_answer basic
// mistake: Output sized n x d_k instead of n x d_v
// mistake.zh: 输出形状取成了 n x d_k，而不是 n x d_v
// explain: The result is sized with q.cols() and the weighted sum covers only d_k columns of v, as
// explain: if d_k == d_v. Each output row is a weighted average of the rows of v, so the result is
// explain: n x d_v: its width comes from v.cols(), never from q.
// explain.zh: 结果的宽度用了 q.cols()，加权和也只覆盖 v 的前 d_k 列，好像 d_k == d_v 一样。
// explain.zh: 每一行输出都是 v 各行的加权平均，所以结果是 n x d_v：宽度取自 v.cols()，与 q 无关。
#include "exercise.h"

#include <vector>

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  MatrixXf out = MatrixXf::Zero(q.rows(), q.cols());  // bug: should be v.cols()
  const Eigen::Index width = std::min(out.cols(), v.cols());
  std::vector<float> w(static_cast<size_t>(k.rows()));
  for (Eigen::Index i = 0; i < q.rows() && k.rows() > 0; ++i) {
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < k.rows(); ++j) max = std::max(max, w[j] = q.row(i).dot(k.row(j)));
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < k.rows(); ++j) sum += (w[j] = std::exp(w[j] - max));
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      for (Eigen::Index c = 0; c < width; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}
