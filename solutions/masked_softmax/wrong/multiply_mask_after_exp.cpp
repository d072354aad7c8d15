// Shifts by the maximum of the kept entries, takes exp of the whole row and then
// multiplies by the mask to zero the blocked entries. A blocked entry far above
// the kept maximum (1e6, or just 200) gives exp(...) = inf, and inf * 0 = NaN,
// which spreads through the row sum.
// expect: wrong_answer stability
// mistake: exp of the whole row, then multiplied by the mask
// mistake.zh: 先对整行取 exp，再乘以掩码
// explain: The blocked entries are exponentiated too: one far above the kept maximum (1e6, or just
// explain: 200) gives exp(...) = inf, and inf * 0 = NaN, which then spreads through the row sum to
// explain: every entry. Never exponentiate a blocked entry: compute exp for the kept entries only,
// explain: and write 0 for the blocked ones directly.
// explain.zh: 被屏蔽的项也被取了指数：如果某个被屏蔽项远大于保留项的最大值（1e6，甚至只是 200），
// explain.zh: exp(...) 就是 inf，而 inf * 0 = NaN，并通过行求和扩散到这一行的每个元素。
// explain.zh: 永远不要对被屏蔽的项取 exp：只对保留项计算 exp，被屏蔽的项直接写 0。
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  const float inf = std::numeric_limits<float>::infinity();
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = -inf;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) m = std::max(m, x(i, j));
    if (m == -inf) continue;
    Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
    e *= mask.row(i).transpose().cast<float>().array();  // inf * 0 = NaN
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
