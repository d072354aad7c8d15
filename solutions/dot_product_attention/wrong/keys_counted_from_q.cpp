// Loops written as if there were as many keys as queries (self-attention on
// one sequence): the key loop runs to q.rows() instead of k.rows(). Right
// when n == m (as in the sample); with fewer queries than keys the last keys
// are ignored, with more it reads past the end of k.
// expect: wrong_answer basic
#include "exercise.h"

#include <vector>

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows();
  const Eigen::Index m = q.rows();  // bug: should be k.rows()
  MatrixXf out = MatrixXf::Zero(n, v.cols());
  if (k.rows() == 0) return out;
  std::vector<float> w(static_cast<size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < m; ++j) max = std::max(max, w[j] = q.row(i).dot(k.row(j)));
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < m; ++j) sum += (w[j] = std::exp(w[j] - max));
    for (Eigen::Index j = 0; j < m; ++j) out.row(i) += (w[j] / sum) * v.row(j);
  }
  return out;
}
