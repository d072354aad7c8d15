// Plain loops in float, two passes.
// expect: accepted
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  Eigen::VectorXf y(x.size());
  float m = -std::numeric_limits<float>::infinity();
  for (Eigen::Index i = 0; i < x.size(); ++i) m = std::max(m, x[i]);
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  float sum = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i) sum += (y[i] = std::exp(x[i] - m));
  for (Eigen::Index i = 0; i < x.size(); ++i) y[i] /= sum;
  return y;
}
