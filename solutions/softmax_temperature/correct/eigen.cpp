// Divide first, then shift, all in Eigen expressions: z = x / T, subtract each
// row's maximum of z, exp, normalize. Rows whose maximum is -inf become zeros.
// expect: accepted
#include "exercise.h"

MatrixXf softmax_temperature(const MatrixXf& logits, float temperature) {
  if (!std::isfinite(temperature) || !(temperature > 0))
    throw std::invalid_argument("softmax_temperature: temperature must be finite and > 0");
  if (logits.cols() == 0) return MatrixXf(logits.rows(), 0);
  const Eigen::ArrayXXf z = logits.array() / temperature;
  const Eigen::ArrayXf m = z.rowwise().maxCoeff();
  const Eigen::ArrayXf safe_m = (m == -std::numeric_limits<float>::infinity()).select(0.0f, m);
  const Eigen::ArrayXXf e = (z.colwise() - safe_m).exp();
  const Eigen::ArrayXf sum = e.rowwise().sum();
  // Eigen's vectorised exp(-inf) is a tiny positive number, not 0, so test the
  // maximum rather than the sum to find the all -inf rows.
  const Eigen::ArrayXf inv =
      (m == -std::numeric_limits<float>::infinity()).select(0.0f, sum.inverse());
  return (e.colwise() * inv).matrix();
}
