// Scores, exponentials and sums accumulated in double, one row at a time;
// only the final output is rounded to float.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf alibi_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float slope) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows() ||
      !(slope >= 0 && slope <= std::numeric_limits<float>::max()))
    throw std::invalid_argument("alibi_attention: invalid arguments");
  const Eigen::Index n = q.rows(), dk = q.cols(), dv = v.cols();
  const double scale = dk > 0 ? 1.0 / std::sqrt(static_cast<double>(dk)) : 1.0;
  MatrixXf out(n, dv);
  std::vector<double> s(static_cast<std::size_t>(n)), acc(static_cast<std::size_t>(dv));
  for (Eigen::Index i = 0; i < n; ++i) {
    double mx = -std::numeric_limits<double>::infinity();
    for (Eigen::Index j = 0; j <= i; ++j) {
      double dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += static_cast<double>(q(i, c)) * k(j, c);
      s[j] = dot * scale - static_cast<double>(slope) * static_cast<double>(i - j);
      if (s[j] > mx) mx = s[j];
    }
    double sum = 0;
    std::fill(acc.begin(), acc.end(), 0.0);
    for (Eigen::Index j = 0; j <= i; ++j) {
      const double w = std::exp(s[j] - mx);
      sum += w;
      for (Eigen::Index c = 0; c < dv; ++c) acc[c] += w * v(j, c);
    }
    for (Eigen::Index c = 0; c < dv; ++c) out(i, c) = static_cast<float>(acc[c] / sum);
  }
  return out;
}
