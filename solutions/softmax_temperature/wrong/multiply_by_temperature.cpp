// Multiplies the logits by T instead of dividing: softmax(x * T). It agrees
// with the answer only at T = 1, so any other temperature gives a wrong row
// (a small T flattens the row instead of sharpening it).
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Logits multiplied by T instead of divided by T
// mistake.zh: logits 乘以 T 而不是除以 T
// explain: softmax(x * T) agrees with softmax(x / T) only at T = 1: a small T then flattens the row
// explain: instead of sharpening it, and a large T sharpens it. The temperature divides the logits:
// explain: use x / T (or (x - max(x)) / T) before the exponential.
// explain.zh: softmax(x * T) 只在 T = 1 时与 softmax(x / T) 相同：小的 T 反而把分布拉平，
// explain.zh: 大的 T 反而让它变尖锐。温度是用来除 logits 的：
// explain.zh: 取指数之前用 x / T（或 (x - max(x)) / T）。
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    Eigen::ArrayXf z = logits.row(i).transpose().array() * temperature;
    const float m = z.maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf e = (z - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
