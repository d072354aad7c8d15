// Multiplies the logits by T instead of dividing: softmax(x * T). It agrees
// with the answer only at T = 1, so any other temperature gives a wrong row
// (a small T flattens the row instead of sharpening it).
// expect: wrong_answer sample
// expect: wrong_answer basic
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
