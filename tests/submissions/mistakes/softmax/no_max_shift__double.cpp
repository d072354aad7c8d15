// The mistake of solutions/softmax/wrong/no_max_shift.cpp, written as index loops that keep the exponentials and their sum in double (a std::vector buffer) instead of one float Eigen array expression.
// expect-mistake: no_max_shift
#include "exercise.h"

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const Eigen::Index len = x.size();
  Eigen::VectorXf probs(len);
  if (len == 0) return probs;

  // A fully masked vector (every entry -inf) gives zeros.
  bool everything_blocked = true;
  for (Eigen::Index i = 0; i < len; ++i)
    if (x[i] != -std::numeric_limits<float>::infinity()) everything_blocked = false;
  if (everything_blocked) return Eigen::VectorXf::Zero(len);

  std::vector<double> weights(static_cast<std::size_t>(len));
  double denominator = 0.0;
  for (Eigen::Index i = 0; i < len; ++i) {
    weights[static_cast<std::size_t>(i)] = std::exp(static_cast<double>(x[i]));
    denominator += weights[static_cast<std::size_t>(i)];
  }
  for (Eigen::Index i = 0; i < len; ++i)
    probs[i] = static_cast<float>(weights[static_cast<std::size_t>(i)] / denominator);
  return probs;
}
