// Takes the softmax over every key and then zeroes the blocked weights. The
// blocked keys have already taken their share of the normalisation, so the
// kept weights of a partly blocked row no longer sum to 1 (and a blocked key
// with a high score leaves the kept ones almost nothing).
// expect: wrong_answer basic
// mistake: Mask applied after the softmax
// mistake.zh: 在 softmax 之后才应用掩码
// explain: The softmax runs over every key and the blocked weights are zeroed afterwards, so the
// explain: blocked keys have already taken their share of the normalisation: the kept weights of a
// explain: partly blocked row sum to less than 1 (almost 0 when a blocked key scores high). Blocked
// explain: keys must take no part in the maximum or the sum: mask before normalising.
// explain.zh: softmax 在所有键上计算，之后才把被屏蔽的权重置零，被屏蔽的键已经在归一化中占了份额：
// explain.zh: 部分被屏蔽的行中，被保留的权重之和小于 1（若某个被屏蔽键得分很高，则几乎为 0）。
// explain.zh: 被屏蔽的键既不能参与求最大值，也不能参与求和：在归一化之前应用掩码。
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || mask.rows() != q.rows() ||
      mask.cols() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf s = (q * k.transpose()) * scale;
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  const MatrixXf w = mask.select(e.matrix(), MatrixXf::Zero(q.rows(), k.rows()));  // bug: too late
  return w * v;
}
