// Scores, exponentials and sums in double, one row at a time over the keys
// j with i - window < j <= i; only the output is rounded to float.
// expect: accepted
#include "exercise.h"

#include <vector>

MatrixXf sliding_window_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v,
                                  int window) {
  if (window <= 0 || q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("sliding_window_attention: invalid arguments");
  const long long n = q.rows(), dk = q.cols(), dv = v.cols();
  const double scale = dk > 0 ? 1.0 / std::sqrt(static_cast<double>(dk)) : 1.0;
  MatrixXf out(n, dv);
  std::vector<double> s(static_cast<std::size_t>(n)), acc(static_cast<std::size_t>(dv));
  for (long long i = 0; i < n; ++i) {
    double mx = -std::numeric_limits<double>::infinity();
    for (long long j = i; j >= 0 && j > i - window; --j) {
      double dot = 0;
      for (long long c = 0; c < dk; ++c) dot += static_cast<double>(q(i, c)) * k(j, c);
      s[j] = dot * scale;
      if (s[j] > mx) mx = s[j];
    }
    double sum = 0;
    std::fill(acc.begin(), acc.end(), 0.0);
    for (long long j = i; j >= 0 && j > i - window; --j) {
      const double p = std::exp(s[j] - mx);
      sum += p;
      for (long long c = 0; c < dv; ++c) acc[c] += p * v(j, c);
    }
    for (long long c = 0; c < dv; ++c) out(i, c) = static_cast<float>(acc[c] / sum);
  }
  return out;
}
