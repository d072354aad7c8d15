// Writes -inf into the blocked scores and runs the usual stable softmax with
// no special case. Partly blocked rows are right, but a query whose mask row
// is all false has max = -inf, exp(-inf - -inf) = exp(NaN), and its output row
// is NaN instead of zeros.
// expect: wrong_answer edge
// mistake: Fully masked row gives NaN instead of zeros
// mistake.zh: 整行被屏蔽时输出 NaN 而不是 0
// explain: With -inf in the blocked scores and no special case, an all-false mask row has maximum
// explain: -inf, and -inf - (-inf) is NaN, so the whole output row is NaN. A query that may attend
// explain: to nothing must get zeros (as PyTorch's safe softmax and FlashAttention do): skip rows
// explain: whose kept maximum is -inf and leave their output at 0.
// explain.zh: 把被屏蔽的分数写成 -inf 又不做特殊处理时，掩码整行为 false 的行最大值为 -inf，
// explain.zh: 而 -inf - (-inf) 是 NaN，整行输出都成了 NaN。不能关注任何键的查询必须得到全 0
// explain.zh: （PyTorch 的 safe softmax 和 FlashAttention 都是这样）：
// explain.zh: 跳过保留项最大值为 -inf 的行，让它们的输出保持为 0。
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || mask.rows() != q.rows() ||
      mask.cols() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float inf = std::numeric_limits<float>::infinity();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf s = mask.select((q * k.transpose()) * scale, MatrixXf::Constant(q.rows(), k.rows(), -inf));
  s.colwise() -= s.rowwise().maxCoeff();  // -inf - -inf = NaN on a fully blocked row
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
