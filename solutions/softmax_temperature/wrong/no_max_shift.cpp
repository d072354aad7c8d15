// Textbook formula without the max shift: exp(x / T) / sum exp(x / T). With a
// small temperature (T = 1e-3) x / T reaches 1000 and exp overflows float32 to
// inf, so the row becomes inf / inf = NaN.
// expect: wrong_answer stability
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw std::invalid_argument("temperature must be finite and > 0");
  MatrixXf e = (logits.array() / temperature).exp().matrix();
  for (Eigen::Index i = 0; i < e.rows(); ++i) e.row(i) /= e.row(i).sum();
  return e;
}
