// Textbook formula without the max shift: exp(x / T) / sum exp(x / T). With a
// small temperature (T = 1e-3) x / T reaches 1000 and exp overflows float32 to
// inf, so the row becomes inf / inf = NaN.
// expect: wrong_answer stability
// mistake: Temperature softmax without subtracting the maximum
// mistake.zh: 带温度的 softmax 没有减去最大值
// explain: exp(x / T) / sum exp(x / T) overflows as soon as x / T passes about 88.7: with T = 0.001
// explain: a logit of 1 becomes 1000, exp gives inf, and the row is inf / inf = NaN. Subtract the
// explain: row maximum of x / T before exp (equivalently, compute (x - max(x)) / T), so that every
// explain: exponent is at most 0.
// explain.zh: 只要 x / T 超过约 88.7，exp(x / T) / sum exp(x / T) 就会溢出：
// explain.zh: T = 0.001 时值为 1 的 logit 变成 1000，exp 得到 inf，这一行就是 inf / inf = NaN。
// explain.zh: 取指数之前先减去 x / T 这一行的最大值（等价地，计算 (x - max(x)) / T），
// explain.zh: 使每个指数都不大于 0。
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf e = (logits.array() / temperature).exp().matrix();
  for (Eigen::Index i = 0; i < e.rows(); ++i) e.row(i) /= e.row(i).sum();
  return e;
}
