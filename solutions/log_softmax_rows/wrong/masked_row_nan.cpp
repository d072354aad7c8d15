// Stable and per row, but a row of all -inf is not special-cased: its maximum
// is -inf, x - max = -inf - (-inf) = NaN, and the row comes out NaN instead of
// all -inf.
// expect: wrong_answer edge
// mistake: Row of all -inf gives NaN instead of a row of -inf
// mistake.zh: 全为 -inf 的行得到 NaN 而不是全 -inf
// explain: For a row of all -inf the maximum is -inf, x - max is -inf - (-inf) = NaN, and the whole
// explain: row comes out NaN. Such a row is the log of softmax's row of zeros: check the row
// explain: maximum for -inf before subtracting it, and fill that row with -inf.
// explain.zh: 对全为 -inf 的一行，最大值是 -inf，x - max 等于 -inf - (-inf) = NaN，
// explain.zh: 整行输出都是 NaN。这一行是 softmax 全 0 行的对数：
// explain.zh: 在减去行最大值之前先检查它是否为 -inf，若是则整行填 -inf。
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    const float log_sum = std::log((x.row(i).array() - m).exp().sum());
    y.row(i) = ((x.row(i).array() - m) - log_sum).matrix();
  }
  return y;
}
