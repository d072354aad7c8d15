// Divides the scores by sqrt(d_k), as the Transformer's scaled attention does.
// This problem is the unscaled version softmax(q k^T) v: on the sample the
// weights are so peaked that the difference hides below the tolerance, but
// on small scores the weights change visibly.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose();
  if (q.cols() > 0) s /= std::sqrt(static_cast<float>(q.cols()));  // bug: not asked for
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  const Eigen::ArrayXf sums = e.rowwise().sum();
  e.colwise() /= sums;
  return e.matrix() * v;
}
