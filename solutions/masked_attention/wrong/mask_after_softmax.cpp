// Takes the softmax over every key and then zeroes the blocked weights. The
// blocked keys have already taken their share of the normalisation, so the
// kept weights of a partly blocked row no longer sum to 1 (and a blocked key
// with a high score leaves the kept ones almost nothing).
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || mask.rows() != q.rows() ||
      mask.cols() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf s = (q * k.transpose()) * scale;
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  const MatrixXf w = mask.select(e.matrix(), MatrixXf::Zero(q.rows(), k.rows()));  // bug: too late
  return w * v;
}
