// The split and the lse merge in double; only the result is rounded to float.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <vector>

VectorXf flash_decoding(const VectorXf& q, const MatrixXf& k, const MatrixXf& v, int num_splits) {
  if (num_splits <= 0 || q.size() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("flash_decoding: invalid arguments");
  const Eigen::Index m = k.rows(), dk = k.cols(), dv = v.cols();
  const Eigen::Index chunk = m / num_splits + (m % num_splits != 0);
  const double scale = dk > 0 ? 1.0 / std::sqrt(static_cast<double>(dk)) : 1.0;
  const Eigen::VectorXd qd = q.cast<double>();
  std::vector<double> lse;
  std::vector<Eigen::VectorXd> part;
  for (Eigen::Index c = 0; c < num_splits; ++c) {
    const Eigen::Index lo = c * chunk, hi = std::min(m, lo + chunk);
    if (lo >= hi) break;  // every later chunk is empty too
    Eigen::VectorXd s(hi - lo);
    for (Eigen::Index j = lo; j < hi; ++j) s(j - lo) = k.row(j).cast<double>().dot(qd) * scale;
    const double mx = s.maxCoeff();
    double sum = 0;
    Eigen::VectorXd o = Eigen::VectorXd::Zero(dv);
    for (Eigen::Index j = lo; j < hi; ++j) {
      const double p = std::exp(s(j - lo) - mx);
      sum += p;
      o += p * v.row(j).transpose().cast<double>();
    }
    lse.push_back(mx + std::log(sum));
    part.push_back(o / sum);
  }
  Eigen::VectorXd out = Eigen::VectorXd::Zero(dv);
  if (!lse.empty()) {
    const double top = *std::max_element(lse.begin(), lse.end());
    double total = 0;
    for (double l : lse) total += std::exp(l - top);
    const double all = top + std::log(total);
    for (std::size_t i = 0; i < lse.size(); ++i) out += std::exp(lse[i] - all) * part[i];
  }
  return out.cast<float>();
}
