// Everything in double, with each head's Q, K and V copied out into its own
// matrix; the result is rounded to float once.
// expect: accepted
#include "exercise.h"

MatrixXf transformer_block(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                           const MatrixXf& w_v, const MatrixXf& w_o, const VectorXf& gamma,
                           const VectorXf& beta, int num_heads, float eps) {
  using Eigen::MatrixXd;
  const Eigen::Index d = x.cols();
  auto square = [d](const MatrixXf& w) { return w.rows() == d && w.cols() == d; };
  if (!(eps >= 0.0f) || num_heads < 1 || d % num_heads != 0 || !square(w_q) || !square(w_k) ||
      !square(w_v) || !square(w_o) || gamma.size() != d || beta.size() != d)
    throw std::invalid_argument("transformer_block: invalid argument");
  const MatrixXd xd = x.cast<double>();
  const MatrixXd q = xd * w_q.cast<double>(), k = xd * w_k.cast<double>(),
                 v = xd * w_v.cast<double>();
  const Eigen::Index d_h = d / num_heads;
  MatrixXd concat(x.rows(), d);
  for (int h = 0; h < num_heads; ++h) {
    const MatrixXd qh = q.middleCols(h * d_h, d_h), kh = k.middleCols(h * d_h, d_h),
                   vh = v.middleCols(h * d_h, d_h);
    MatrixXd s = qh * kh.transpose() / std::sqrt(static_cast<double>(d_h));
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
      s.row(i).array() -= s.row(i).maxCoeff();
      s.row(i) = s.row(i).array().exp().matrix();
      s.row(i) /= s.row(i).sum();
    }
    concat.middleCols(h * d_h, d_h) = s * vh;
  }
  MatrixXd y = xd + concat * w_o.cast<double>();
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    const double mean = y.row(i).mean();
    y.row(i).array() -= mean;
    const double var = y.row(i).squaredNorm() / static_cast<double>(d);
    y.row(i) /= std::sqrt(var + static_cast<double>(eps));
    y.row(i) = (y.row(i).array() * gamma.cast<double>().transpose().array() +
                beta.cast<double>().transpose().array()).matrix();
  }
  return y.cast<float>();
}
