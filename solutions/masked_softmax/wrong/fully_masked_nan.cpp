// Writes -inf into the blocked entries and runs the usual stable softmax with
// no special case. Partly blocked rows are right, but a fully blocked row has
// max = -inf, exp(-inf - -inf) = exp(NaN), and the row is NaN instead of zeros.
// expect: wrong_answer edge
// mistake: Fully blocked row gives NaN instead of zeros
// mistake.zh: 完全被屏蔽的行得到 NaN 而不是全 0
// explain: Writing -inf into the blocked entries is right for partly blocked rows, but in a row
// explain: with no kept entry (or only -inf kept entries) the maximum is -inf, and exp(-inf -
// explain: (-inf)) = exp(NaN) makes the whole row NaN. Check the row maximum for -inf before the
// explain: shift, and return a row of zeros there.
// explain.zh: 把被屏蔽的项写成 -inf，对部分被屏蔽的行是对的；但对没有保留项（或保留项全为 -inf）
// explain.zh: 的行，最大值是 -inf，exp(-inf - (-inf)) = exp(NaN) 使整行变成 NaN。
// explain.zh: 在平移之前先检查行最大值是否为 -inf，若是则返回全 0 的一行。
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  const float inf = std::numeric_limits<float>::infinity();
  const MatrixXf filled = mask.select(x, MatrixXf::Constant(x.rows(), x.cols(), -inf));
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.cols() == 0) break;
    const float m = filled.row(i).maxCoeff();
    Eigen::ArrayXf e = (filled.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
