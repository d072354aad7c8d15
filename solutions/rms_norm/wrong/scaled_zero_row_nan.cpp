// Avoids overflow by dividing each row by its largest |x| m first, but forgets
// the row of zeros: m = 0 makes x / m = 0 / 0 = NaN, while the answer is 0
// (0 / sqrt(eps) with eps > 0).
// expect: wrong_answer edge
// mistake: Row divided by its max |x| without handling an all-zero row
// mistake.zh: 先除以该行最大的 |x|，却没有处理全零的行
// explain: Scaling each row by m = max|x| before squaring is the right way to avoid overflow, but
// explain: on a row of zeros m = 0 and x / m is 0 / 0 = NaN. With eps > 0 that row's answer is
// explain: 0 / sqrt(eps) = 0: give the zero row its own branch (if m == 0, the output row is 0).
// explain.zh: 在平方之前把每一行除以 m = max|x| 是避免溢出的正确做法，但全零的一行 m = 0，
// explain.zh: x / m 就是 0 / 0 = NaN。eps > 0 时这一行的答案是 0 / sqrt(eps) = 0：
// explain.zh: 请为全零行单独处理（m == 0 时输出行为 0）。
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols()) throw std::invalid_argument("gamma must have x.cols() entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("eps must be >= 0 and not NaN");
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).cwiseAbs().maxCoeff();  // bug: m = 0 on a zero row
    const Eigen::ArrayXf r = x.row(i).transpose().array() / m;
    const float denom = m * std::sqrt(r.square().mean() + eps / m / m);
    y.row(i) = (x.row(i).array() / denom) * gamma.transpose().array();
  }
  return y;
}
