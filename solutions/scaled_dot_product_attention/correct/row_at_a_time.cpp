// One query at a time with vector expressions: the query's scores against all
// keys (k * q_i), then its weights through the log-sum-exp, w = exp(s - lse),
// and the output row w^T v.
// expect: accepted
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("bad shapes");
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  if (k.rows() == 0) return out;
  const float inv_root = q.cols() == 0 ? 1.0f : 1.0f / std::sqrt(static_cast<float>(q.cols()));
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    const Eigen::VectorXf s = (k * q.row(i).transpose()) * inv_root;  // m scores
    const float max = s.maxCoeff();
    const float lse = max + std::log((s.array() - max).exp().sum());
    const Eigen::VectorXf w = (s.array() - lse).exp().matrix();
    out.row(i) = w.transpose() * v;
  }
  return out;
}
