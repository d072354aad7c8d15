// Writes -1e9 into the blocked scores (the common masked_fill idiom) and runs
// a plain stable softmax. Blocked keys get exp(-1e9 - max) = 0, which looks
// right, but a query whose mask row is all false has every score equal to
// -1e9: its weights come out uniform and its output is the mean of v, not 0.
// expect: wrong_answer edge
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || mask.rows() != q.rows() ||
      mask.cols() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf s = mask.select((q * k.transpose()) * scale, MatrixXf::Constant(q.rows(), k.rows(), -1e9f));
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}
