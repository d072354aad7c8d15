// Collects each query's kept keys, then computes their scores, exps, sum and
// the weighted rows of v in double; rounded to float at the end.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <vector>

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("inner dimensions differ");
  if (mask.rows() != q.rows() || mask.cols() != k.rows())
    throw std::invalid_argument("mask shape");
  const Eigen::MatrixXd qd = q.cast<double>(), kd = k.cast<double>(), vd = v.cast<double>();
  const double scale = q.cols() > 0 ? 1.0 / std::sqrt(static_cast<double>(q.cols())) : 1.0;
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(q.rows(), v.cols());
  std::vector<Eigen::Index> kept;
  std::vector<double> s;
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    kept.clear();
    s.clear();
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      if (mask(i, j)) {
        kept.push_back(j);
        s.push_back(qd.row(i).dot(kd.row(j)) * scale);
      }
    if (kept.empty()) continue;
    const double max = *std::max_element(s.begin(), s.end());
    double sum = 0;
    for (double& x : s) sum += (x = std::exp(x - max));
    for (size_t t = 0; t < kept.size(); ++t) out.row(i) += (s[t] / sum) * vd.row(kept[t]);
  }
  return out.cast<float>();
}
