// Treats softmax as if it passed gradients straight through: dS = dP = dO V^T.
// Softmax couples every entry of a row, so its backward is
// dS = P * (dP - rowsum(dP * P)); without it the gradients of q and k are wrong
// (dV = P^T dO is still right).
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Softmax backward skipped: dS taken as dP
// mistake.zh: 跳过了 softmax 的反向传播，直接令 dS = dP
// explain: Using dS = dP = dO V^T treats softmax as if it passed gradients straight through, so d_q
// explain: and d_k are wrong (d_v = P^T dO is still right). Softmax couples all entries of a row:
// explain: its backward is dS = P * (dP - D) with D = rowsum(dP * P), one number per query row.
// explain: With it, every row of dS sums to 0.
// explain.zh: 用 dS = dP = dO V^T 相当于把 softmax 当成直接透传梯度，于是 d_q 和 d_k 都错了
// explain.zh: （d_v = P^T dO 仍然正确）。softmax 把一行中的所有元素耦合在一起，
// explain.zh: 它的反向传播是 dS = P * (dP - D)，其中 D = rowsum(dP * P)，每个 query 行一个数。
// explain.zh: 这样算出的 dS 每一行之和都为 0。
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                  const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || d_out.rows() != q.rows() ||
      d_out.cols() != v.cols())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  AttentionGrads g;
  if (m == 0) {
    g.d_q = Eigen::MatrixXf::Zero(n, q.cols());
    g.d_k = Eigen::MatrixXf(0, k.cols());
    g.d_v = Eigen::MatrixXf(0, v.cols());
    return g;
  }
  Eigen::MatrixXf p = (q * k.transpose()) * scale;
  const Eigen::VectorXf row_max = p.rowwise().maxCoeff();
  p = (p.colwise() - row_max).array().exp().matrix();
  const Eigen::VectorXf row_sum = p.rowwise().sum();
  p = p.array().colwise() / row_sum.array();
  const Eigen::MatrixXf dp = d_out * v.transpose();
  const Eigen::MatrixXf& ds = dp;  // the trap: no softmax backward
  g.d_q = (ds * k) * scale;
  g.d_k = (ds.transpose() * q) * scale;
  g.d_v = p.transpose() * d_out;
  return g;
}
