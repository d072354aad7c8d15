// Applies the temperature after the softmax: p = softmax(x), then p^(1/T)
// renormalized. Mathematically equal, but p has already underflowed to 0 for
// logits far below the maximum (exp(-200) is 0 in float32), and 0^(1/T) stays
// 0: with a large T the answer should be close to uniform, yet those entries
// stay 0. With a tiny T every p^(1/T) underflows and the row is 0 / 0.
// expect: wrong_answer stability
// mistake: Temperature applied after the softmax, as p^(1/T)
// mistake.zh: 在 softmax 之后用 p^(1/T) 施加温度
// explain: softmax(x)^(1/T), renormalized, equals softmax(x / T) on paper, but p has already
// explain: underflowed: exp(-200) is 0 in float32 and 0^(1/T) stays 0, so a large T cannot flatten
// explain: those entries, and with a tiny T every p^(1/T) underflows and the row is 0 / 0 = NaN.
// explain: Divide the logits by T first, then take one stable softmax of x / T.
// explain.zh: 把 softmax(x)^(1/T) 重新归一化，在数学上等于 softmax(x / T)，但 p 已经下溢了：
// explain.zh: exp(-200) 在 float32 中为 0，0^(1/T) 仍然是 0，所以大的 T 也无法把这些项拉平；
// explain.zh: 而 T 很小时每个 p^(1/T) 都会下溢，这一行变成 0 / 0 = NaN。应先把 logits 除以 T，
// explain.zh: 再对 x / T 做一次数值稳定的 softmax。
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    Eigen::ArrayXf x = logits.row(i).transpose().array();
    const float m = x.maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf p = (x - m).exp();
    p /= p.sum();
    p = p.pow(1.0f / temperature);
    y.row(i) = (p / p.sum()).matrix().transpose();
  }
  return y;
}
