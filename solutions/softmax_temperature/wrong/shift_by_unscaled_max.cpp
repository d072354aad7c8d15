// Subtracts the maximum of the raw logits after dividing by T:
// exp(x / T - max(x)). Any constant shift is mathematically fine, but this one
// does not keep the exponents <= 0: with T = 1e-3, x / T - max(x) is about 1000
// and exp overflows to inf, giving NaN.
// expect: wrong_answer stability
// mistake: Shift by max(x) after dividing by T, instead of by max(x / T)
// mistake.zh: 除以 T 之后减去的是 max(x)，而不是 max(x / T)
// explain: exp(x / T - max(x)) is mathematically fine, since any constant shift cancels, but it
// explain: does not keep the exponents at or below 0: with T = 0.001, x / T - max(x) is about 1000,
// explain: exp overflows to inf, and the row becomes NaN. The shift must be the maximum of the
// explain: scaled values, max(x / T); or compute (x - max(x)) / T.
// explain.zh: exp(x / T - max(x)) 在数学上没有问题，因为任何常数平移都会约掉，
// explain.zh: 但它不能保证指数都不大于 0：T = 0.001 时 x / T - max(x) 约为 1000，exp 溢出为 inf，
// explain.zh: 这一行变成 NaN。平移量必须是缩放后的最大值 max(x / T)；
// explain.zh: 或者改为计算 (x - max(x)) / T。
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    const float m = logits.row(i).maxCoeff();
    if (m == -std::numeric_limits<float>::infinity()) {
      y.row(i).setZero();
      continue;
    }
    Eigen::ArrayXf e = (logits.row(i).transpose().array() / temperature - m).exp();
    y.row(i) = (e / e.sum()).matrix().transpose();
  }
  return y;
}
