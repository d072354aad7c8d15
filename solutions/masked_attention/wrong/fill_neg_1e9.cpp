// Writes -1e9 into the blocked scores (the common masked_fill idiom) and runs
// a plain stable softmax. Blocked keys get exp(-1e9 - max) = 0, which looks
// right, but a query whose mask row is all false has every score equal to
// -1e9: its weights come out uniform and its output is the mean of v, not 0.
// expect: wrong_answer edge
// mistake: Blocked scores filled with -1e9: a fully masked row gives the mean of v
// mistake.zh: 被屏蔽的分数填成 -1e9：整行被屏蔽时得到 v 的平均值
// explain: Filling blocked scores with -1e9 works while a row keeps at least one key, but on an
// explain: all-false mask row every score is -1e9, the weights come out uniform and the output is
// explain: the mean of v. A query with no kept key must get a row of zeros: take the maximum over
// explain: the kept scores only and, when a row has none (maximum -inf), leave its output at 0.
// explain.zh: 只要一行至少保留一个键，把被屏蔽的分数填成 -1e9 就没有问题；但掩码整行为 false 时，
// explain.zh: 每个分数都是 -1e9，权重变得均匀，输出成了 v 的平均值。
// explain.zh: 没有任何保留键的查询必须得到全 0 的一行：只在被保留的分数上求最大值；若一行没有保留项
// explain.zh: （最大值为 -inf），就让它的输出保持为 0。
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || mask.rows() != q.rows() ||
      mask.cols() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf s = mask.select((q * k.transpose()) * scale, MatrixXf::Constant(q.rows(), k.rows(), -1e9f));
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
