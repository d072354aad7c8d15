// Through the log domain: lse_i = max + log(sum exp(s - max)) for each query,
// then weights exp(s - lse_i). Rounding lse costs about eps32 * |score|, which
// the tolerance's magnitude term allows.
// expect: accepted
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("dot_product_attention: bad shapes");
  const Eigen::Index n = q.rows(), m = k.rows();
  if (m == 0) return MatrixXf::Zero(n, v.cols());
  const Eigen::ArrayXXf s = (q * k.transpose()).array();
  const Eigen::ArrayXf max = s.rowwise().maxCoeff();
  const Eigen::ArrayXf lse = max + (s.colwise() - max).exp().rowwise().sum().log();
  const MatrixXf w = (s.colwise() - lse).exp().matrix();
  return w * v;
}
