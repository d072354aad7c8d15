// Takes the softmax backward's sum down each column (over the queries)
// instead of along each row (over the keys): D must be rowsum(dP * P), one
// number per query row, because softmax was taken over each row.
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Softmax-backward sum D taken down columns instead of along rows
// mistake.zh: softmax 反向传播中的 D 按列求和而不是按行求和
// explain: Here D is summed down each column (over the queries), giving one number per key. The
// explain: softmax was taken along each row, over the keys, so its backward needs
// explain: D = rowsum(dP * P), one number per query row, subtracted from every entry of that row:
// explain: dS = P * (dP - D). A quick check: every row of dS must sum to 0.
// explain.zh: 这里的 D 沿每一列（对 query）求和，得到的是每个 key 一个数。
// explain.zh: softmax 是沿每一行、对 key 做的，所以它的反向传播需要 D = rowsum(dP * P)，
// explain.zh: 即每个 query 行一个数，再从该行的每个元素中减去：dS = P * (dP - D)。一个快速检查：
// explain.zh: dS 的每一行之和必须为 0。
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
  const Eigen::RowVectorXf d = (p.array() * dp.array()).colwise().sum();  // the trap
  const Eigen::MatrixXf ds = (p.array() * (dp.rowwise() - d).array()).matrix();
  g.d_q = (ds * k) * scale;
  g.d_k = (ds.transpose() * q) * scale;
  g.d_v = p.transpose() * d_out;
  return g;
}
