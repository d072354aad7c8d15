// Float Eigen code that applies the output projection head by head, takes the
// softmax through the log domain, and normalises with the textbook two-pass
// formula (x - mean) / sqrt(var + eps).
// expect: accepted
#include "exercise.h"

MatrixXf transformer_block(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                           const MatrixXf& w_v, const MatrixXf& w_o, const VectorXf& gamma,
                           const VectorXf& beta, int num_heads, float eps) {
  const Eigen::Index d = x.cols();
  if (std::isnan(eps) || eps < 0.0f) throw std::invalid_argument("eps");
  if (num_heads < 1 || d % num_heads) throw std::invalid_argument("num_heads");
  if (w_q.rows() != d || w_q.cols() != d || w_k.rows() != d || w_k.cols() != d ||
      w_v.rows() != d || w_v.cols() != d || w_o.rows() != d || w_o.cols() != d ||
      gamma.size() != d || beta.size() != d)
    throw std::invalid_argument("shapes");
  const Eigen::Index d_h = d / num_heads;
  MatrixXf y = x;
  for (int h = 0; h < num_heads; ++h) {
    const MatrixXf q = x * w_q.middleCols(h * d_h, d_h);
    const MatrixXf k = x * w_k.middleCols(h * d_h, d_h);
    const MatrixXf v = x * w_v.middleCols(h * d_h, d_h);
    MatrixXf s = q * k.transpose() / std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
      const float m = s.row(i).maxCoeff();
      const float lse = m + std::log((s.row(i).array() - m).exp().sum());
      s.row(i) = (s.row(i).array() - lse).exp().matrix();
    }
    y += s * v * w_o.middleRows(h * d_h, d_h);
  }
  for (Eigen::Index i = 0; i < y.rows(); ++i) {
    const float mean = y.row(i).mean();
    const float var = (y.row(i).array() - mean).square().mean();
    y.row(i) = ((y.row(i).array() - mean) / std::sqrt(var + eps)).matrix();
    y.row(i) = y.row(i).cwiseProduct(gamma.transpose()) + beta.transpose();
  }
  return y;
}
