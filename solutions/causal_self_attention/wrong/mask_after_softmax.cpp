// Takes the softmax over every key and only then zeroes the future ones. The
// kept weights were normalized over keys the token must not see, so each row
// but the last sums to less than 1.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf causal_self_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                               const MatrixXf& w_v) {
  if (w_q.rows() != x.cols() || w_k.rows() != x.cols() || w_v.rows() != x.cols() ||
      w_q.cols() != w_k.cols())
    throw std::invalid_argument("weight shapes do not fit");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  const float scale = w_q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(w_q.cols())) : 1.0f;
  MatrixXf s = (q * k.transpose()) * scale;
  MatrixXf p(s.rows(), s.cols());
  for (Eigen::Index i = 0; i < s.rows(); ++i) {
    Eigen::ArrayXf e = (s.row(i).transpose().array() - s.row(i).maxCoeff()).exp();
    p.row(i) = (e / e.sum()).matrix().transpose();
  }
  p.triangularView<Eigen::StrictlyUpper>().setZero();  // bug: masked after normalizing
  return p * v;
}
