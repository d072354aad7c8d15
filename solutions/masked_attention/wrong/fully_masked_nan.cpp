// Writes -inf into the blocked scores and runs the usual stable softmax with
// no special case. Partly blocked rows are right, but a query whose mask row
// is all false has max = -inf, exp(-inf - -inf) = exp(NaN), and its output row
// is NaN instead of zeros.
// expect: wrong_answer edge
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || mask.rows() != q.rows() ||
      mask.cols() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float inf = std::numeric_limits<float>::infinity();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf s = mask.select((q * k.transpose()) * scale, MatrixXf::Constant(q.rows(), k.rows(), -inf));
  s.colwise() -= s.rowwise().maxCoeff();  // -inf - -inf = NaN on a fully blocked row
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
