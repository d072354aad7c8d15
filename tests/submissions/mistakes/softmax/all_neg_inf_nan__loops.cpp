// The mistake of solutions/softmax/wrong/all_neg_inf_nan.cpp, written with plain loops, a running maximum seeded from x[0] and a std::vector buffer instead of Eigen's maxCoeff() and array expressions.
// expect-mistake: all_neg_inf_nan
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const Eigen::Index n = x.size();
  Eigen::VectorXf out(n);
  if (n == 0) return out;

  float biggest = x[0];
  for (Eigen::Index i = 1; i < n; ++i)
    if (x[i] > biggest) biggest = x[i];

  std::vector<float> shifted(static_cast<std::size_t>(n));
  double total = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float e = std::exp(x[i] - biggest);
    shifted[static_cast<std::size_t>(i)] = e;
    total += e;
  }
  for (Eigen::Index i = 0; i < n; ++i)
    out[i] = static_cast<float>(shifted[static_cast<std::size_t>(i)] / total);
  return out;
}
