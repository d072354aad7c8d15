// Copies each head's Q, K and V columns out into their own matrices and does
// the whole computation in double, rounding to float only at the end.
// expect: accepted
#include "exercise.h"

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d = x.cols();
  if (num_heads <= 0) throw std::invalid_argument("need at least one head");
  if (d % num_heads) throw std::invalid_argument("d_model must be a multiple of num_heads");
  auto check = [d](const MatrixXf& w) {
    if (w.rows() != d || w.cols() != d) throw std::invalid_argument("weight shape");
  };
  check(w_q), check(w_k), check(w_v), check(w_o);
  const Eigen::MatrixXd xd = x.cast<double>();
  const Eigen::MatrixXd q = xd * w_q.cast<double>(), k = xd * w_k.cast<double>(),
                        v = xd * w_v.cast<double>();
  const Eigen::Index d_h = d / num_heads;
  std::vector<Eigen::MatrixXd> outputs;
  for (int h = 0; h < num_heads; ++h) {
    const Eigen::MatrixXd qh = q.block(0, h * d_h, q.rows(), d_h);
    const Eigen::MatrixXd kh = k.block(0, h * d_h, k.rows(), d_h);
    const Eigen::MatrixXd vh = v.block(0, h * d_h, v.rows(), d_h);
    Eigen::MatrixXd w = qh * kh.transpose() / std::sqrt(static_cast<double>(d_h));
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      w.row(i).array() -= w.row(i).maxCoeff();
      w.row(i) = w.row(i).array().exp().matrix();
      w.row(i) /= w.row(i).sum();
    }
    outputs.push_back(w * vh);
  }
  Eigen::MatrixXd concat(x.rows(), d);
  for (int h = 0; h < num_heads; ++h) concat.middleCols(h * d_h, d_h) = outputs[h];
  return (concat * w_o.cast<double>()).cast<float>();
}
