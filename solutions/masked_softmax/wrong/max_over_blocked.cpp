// Takes the row maximum over every entry, blocked ones included. A blocked
// entry holding 1e6 becomes the shift, so every kept exp(x - 1e6) underflows to
// 0 and the row is 0 / 0 = NaN.
// expect: wrong_answer stability
// mistake: Row maximum taken over the blocked entries too
// mistake.zh: 行最大值把被屏蔽的项也算了进去
// explain: A blocked entry holding a huge value (1e6, or even 200) becomes the shift, so every kept
// explain: exp(x - m) underflows to 0 in float32 and the row is 0 / 0 = NaN. Blocked entries take
// explain: no part in the softmax: compute the maximum over the kept entries of the row only.
// explain.zh: 被屏蔽的项如果存放着很大的值（1e6，甚至 200），它就成了平移量，
// explain.zh: 于是每个保留项的 exp(x - m) 在 float32 中都下溢为 0，这一行变成 0 / 0 = NaN。
// explain.zh: 被屏蔽的项不参与 softmax：只在这一行的保留项上求最大值。
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  MatrixXf y = MatrixXf::Zero(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.cols() == 0 || !mask.row(i).any()) continue;
    const float m = x.row(i).maxCoeff();  // bug: blocked entries included
    float sum = 0;
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (mask(i, j)) {
        y(i, j) = std::exp(x(i, j) - m);
        sum += y(i, j);
      }
    y.row(i) /= sum;
  }
  return y;
}
