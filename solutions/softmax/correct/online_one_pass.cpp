// One pass with a running max and a rescaled running sum, then a second pass
// to normalise: the online softmax written for a single vector.
// expect: accepted
#include <Eigen/Dense>
#include <cmath>
#include <limits>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  double m = -std::numeric_limits<double>::infinity();
  double s = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (x[i] == -std::numeric_limits<float>::infinity()) continue;
    if (x[i] > m) {
      s = s * std::exp(m - x[i]) + 1.0;
      m = x[i];
    } else {
      s += std::exp(x[i] - m);
    }
  }
  Eigen::VectorXf y = Eigen::VectorXf::Zero(x.size());
  if (s == 0) return y;
  for (Eigen::Index i = 0; i < x.size(); ++i) y[i] = static_cast<float>(std::exp(x[i] - m) / s);
  return y;
}
