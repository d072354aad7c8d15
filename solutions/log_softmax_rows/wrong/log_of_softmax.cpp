// log(softmax(x)): a correct, stable row-wise softmax followed by a log. A
// probability below ~1e-45 is 0 in float32, so the row [0, -200] gives
// [0, -inf] instead of [0, -200] (Eigen's vectorised exp may instead clamp it
// to ~3e-39, giving about -88: wrong either way).
// expect: wrong_answer stability
// mistake: log(softmax(x)) instead of x - logsumexp(x)
// mistake.zh: 用 log(softmax(x)) 而不是 x - logsumexp(x)
// explain: Taking the log of a computed probability fails once it underflows: a probability below
// explain: about 1e-45 is 0 in float32, so the row [0, -200] gives [0, -inf] (or about -88 with
// explain: Eigen's vectorised exp) instead of [0, -200]. Never take the log of a probability:
// explain: return (x - m) - log(sum exp(x - m)) with each row's maximum m.
// explain.zh: 对算出来的概率取对数，一旦概率下溢就会出错：float32 中小于约 1e-45 的概率就是 0，
// explain.zh: 所以一行 [0, -200] 得到 [0, -inf]（使用 Eigen 的向量化 exp 时约为 -88），
// explain.zh: 而不是 [0, -200]。不要对概率取对数：返回 (x - m) - log(sum exp(x - m))，
// explain.zh: 其中 m 是每一行的最大值。
#include "exercise.h"

MatrixXf log_softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float m = x.row(i).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
    } else {
      const Eigen::ArrayXf e = (x.row(i).transpose().array() - m).exp();
      y.row(i) = (e / e.sum()).matrix().transpose();
    }
  }
  return y.array().log().matrix();
}
