// Loops written as if there were as many keys as queries (self-attention on
// one sequence): the key loop runs to q.rows() instead of k.rows(). Right
// when n == m (as in the sample); with fewer queries than keys the last keys
// are ignored, with more it reads past the end of k.
// expect: wrong_answer basic
// mistake: Number of keys taken from q.rows() instead of k.rows()
// mistake.zh: 键的个数取自 q.rows() 而不是 k.rows()
// explain: The key loop runs to n = q.rows(), as if there were one key per query (self-attention).
// explain: That is only right when n == m: with fewer queries than keys the last keys are ignored,
// explain: and with more queries it reads past the end of k and v. Take m from k.rows(), which
// explain: equals v.rows(); n, m, d_k and d_v are independent.
// explain.zh: 键的循环跑到 n = q.rows()，好像每个查询恰好对应一个键（自注意力）。
// explain.zh: 只有 n == m 时这才正确：查询比键少时，最后几个键被忽略；查询比键多时，
// explain.zh: 会越过 k 和 v 的末尾读取。m 应取自 k.rows()（也等于 v.rows()）；
// explain.zh: n、m、d_k、d_v 彼此独立。
#include "exercise.h"

#include <vector>

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows();
  const Eigen::Index m = q.rows();  // bug: should be k.rows()
  MatrixXf out = MatrixXf::Zero(n, v.cols());
  if (k.rows() == 0) return out;
  std::vector<float> w(static_cast<size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) max = std::max(max, w[j] = q.row(i).dot(k.row(j)));
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < m; ++j) sum += (w[j] = std::exp(w[j] - max));
    for (Eigen::Index j = 0; j < m; ++j) out.row(i) += (w[j] / sum) * v.row(j);
  }
  return out;
}
