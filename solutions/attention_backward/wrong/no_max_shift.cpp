// Recomputes P as exp(S) / rowsum(exp(S)) without subtracting the row maximum.
// Scores of +1000 overflow exp to inf (inf / inf = NaN); rows whose scores are
// all near -1000 underflow to 0 / 0 (or, with Eigen's vectorised exp, the same
// tiny value everywhere, so uniform weights). Subtract each row's max first.
// expect: wrong_answer stability
// mistake: P recomputed without subtracting the row maximum
// mistake.zh: 重新计算 P 时没有减去每行最大值
// explain: exp(S) / rowsum(exp(S)) overflows float32 to inf once a score exceeds about 88
// explain: (inf / inf = NaN), and underflows to 0 / 0 on rows whose scores are all near -1000, so
// explain: the gradients become NaN or wrong. Subtract each row's maximum from S before exp: the
// explain: shift does not change softmax, and every exponent is then at most 0.
// explain.zh: exp(S) / rowsum(exp(S)) 在分数超过约 88 时会在 float32 中溢出为 inf
// explain.zh: （inf / inf = NaN），在分数都接近 -1000 的行上则下溢成 0 / 0，
// explain.zh: 梯度因此变成 NaN 或错误的值。取 exp 之前先从 S 中减去每行最大值：平移不改变 softmax，
// explain.zh: 且所有指数都不大于 0。
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
  Eigen::MatrixXf p = ((q * k.transpose()) * scale).array().exp().matrix();  // the trap
  const Eigen::VectorXf row_sum = p.rowwise().sum();
  p = p.array().colwise() / row_sum.array();
  const Eigen::MatrixXf dp = d_out * v.transpose();
  const Eigen::VectorXf d = (p.array() * dp.array()).rowwise().sum();
  const Eigen::MatrixXf ds = (p.array() * (dp.colwise() - d).array()).matrix();
  g.d_q = (ds * k) * scale;
  g.d_k = (ds.transpose() * q) * scale;
  g.d_v = p.transpose() * d_out;
  return g;
}
