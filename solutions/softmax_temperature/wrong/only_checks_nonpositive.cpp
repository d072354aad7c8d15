// Validates with `if (temperature <= 0) throw`, which lets NaN and +inf
// through: every comparison with NaN is false, and +inf is > 0. Both must throw
// std::invalid_argument (a NaN temperature gives a NaN row, +inf a uniform one).
// expect: wrong_answer invalid
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (temperature <= 0) throw std::invalid_argument("temperature must be > 0");
  MatrixXf y(logits.rows(), logits.cols());
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    if (logits.cols() == 0) break;
    Eigen::ArrayXf z = logits.row(i).transpose().array() / temperature;
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
