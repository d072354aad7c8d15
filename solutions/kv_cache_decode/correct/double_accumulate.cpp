// Validates, appends the new float rows to a copy of the cache, computes the
// attention in double and swaps the copy in at the end.
// expect: accepted
#include "exercise.h"

#include <utility>

VectorXf kv_cache_decode(KVCache& cache, const VectorXf& x_t, const MatrixXf& w_q,
                         const MatrixXf& w_k, const MatrixXf& w_v) {
  const Eigen::Index d = x_t.size(), dk = w_q.cols(), dv = w_v.cols();
  if (w_q.rows() != d || w_k.rows() != d || w_v.rows() != d || w_k.cols() != dk)
    throw std::invalid_argument("weights");
  KVCache next = cache;
  if (next.k.rows() == 0 && next.k.cols() == 0 && next.v.rows() == 0 && next.v.cols() == 0) {
    next.k.resize(0, dk);
    next.v.resize(0, dv);
  }
  if (next.k.cols() != dk || next.v.cols() != dv || next.k.rows() != next.v.rows())
    throw std::invalid_argument("cache");
  const Eigen::Index t = next.k.rows();
  next.k.conservativeResize(t + 1, dk);
  next.v.conservativeResize(t + 1, dv);
  const Eigen::VectorXd x = x_t.cast<double>();
  next.k.row(t) = (x.transpose() * w_k.cast<double>()).cast<float>();
  next.v.row(t) = (x.transpose() * w_v.cast<double>()).cast<float>();
  const Eigen::VectorXd q = w_q.cast<double>().transpose() * x;
  Eigen::VectorXd s = next.k.cast<double>() * q;
  if (dk > 0) s /= std::sqrt(static_cast<double>(dk));
  const Eigen::ArrayXd e = (s.array() - s.maxCoeff()).exp();
  const Eigen::VectorXd out = next.v.cast<double>().transpose() * (e / e.sum()).matrix();
  std::swap(cache, next);
  return out.cast<float>();
}
