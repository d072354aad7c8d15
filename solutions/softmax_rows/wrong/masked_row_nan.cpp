// Stable row-wise softmax that forgets fully masked rows: on a row of all -inf
// the maximum is -inf, x - max is -inf - (-inf) = NaN, and the row comes out
// NaN instead of zeros.
// expect: wrong_answer edge
// mistake: Fully masked row (all -inf) gives NaN instead of zeros
// mistake.zh: 完全被屏蔽的行（全为 -inf）得到 NaN 而不是全 0
// explain: In a row whose entries are all -inf the row maximum is -inf, and x - max is -inf -
// explain: (-inf) = NaN, so the whole row comes out NaN. Check each row's maximum for -inf before
// explain: subtracting it, and write a row of zeros there.
// explain.zh: 对于全为 -inf 的一行，行最大值是 -inf，x - max 等于 -inf - (-inf) = NaN，
// explain.zh: 整行输出都变成 NaN。在减去行最大值之前先检查它是否为 -inf，若是则这一行写全 0。
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    const Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
