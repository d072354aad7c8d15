// Writes -1e9 into the blocked entries and runs a plain softmax. Blocked entries
// then get exp(-1e9 - max) = 0, which looks right, but a fully blocked row is
// all -1e9 and comes out uniform (1/d everywhere) instead of all zeros.
// expect: wrong_answer edge
// mistake: Blocked entries filled with -1e9: a fully blocked row becomes uniform
// mistake.zh: 用 -1e9 填充被屏蔽的项：完全被屏蔽的行变成均匀分布
// explain: Replacing blocked scores by -1e9 works while a row keeps at least one entry, but a fully
// explain: blocked row is then all -1e9, its maximum is -1e9, and the softmax spreads 1/d over
// explain: positions that are all forbidden. A row with no kept entry must give zeros: take the
// explain: maximum over the kept entries only and, if there is none (or it is -inf), write a row of
// explain: zeros.
// explain.zh: 把被屏蔽的分数换成 -1e9，在一行至少保留一项时没问题；但完全被屏蔽的行会全为 -1e9，
// explain.zh: 最大值是 -1e9，softmax 会把 1/d 分给全部被禁止的位置。没有保留项的行必须返回全 0：
// explain.zh: 只在保留项上求最大值，若不存在保留项（或最大值为 -inf），这一行写全 0。
#include "exercise.h"

MatrixXf masked_softmax(const MatrixXf& x, const Mask& mask) {
  if (mask.rows() != x.rows() || mask.cols() != x.cols())
    throw std::invalid_argument("mask shape must equal x's");
  const MatrixXf filled = mask.select(x, MatrixXf::Constant(x.rows(), x.cols(), -1e9f));
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (x.cols() == 0) break;
    const float m = filled.row(i).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf e = (filled.row(i).transpose().array() - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
