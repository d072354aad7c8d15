// One pass per row with a running maximum (the online-softmax normalizer):
// when a larger entry arrives, the sum so far is rescaled by exp(old - new).
// The running maximum starts at -inf, and -inf entries are skipped so that
// -inf - (-inf) never happens.
// expect: accepted
#include "exercise.h"

VectorXf logsumexp_rows(const MatrixXf& x) {
  const float inf = std::numeric_limits<float>::infinity();
  VectorXf out(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float m = -inf;
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const float v = x(i, j);
      if (v == -inf) continue;
      if (v > m) {
        sum = sum * std::exp(m - v) + 1.0f;  // exp(-inf) = 0 on the first entry
        m = v;
      } else {
        sum += std::exp(v - m);
      }
    }
    out(i) = m == -inf ? -inf : m + std::log(sum);
  }
  return out;
}
