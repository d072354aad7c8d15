// Copies each query head and its shared key/value head out into their own
// double matrices, computes in double, and rounds to float once at the end.
// expect: accepted
#include "exercise.h"

MatrixXf grouped_query_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                                 const MatrixXf& w_v, const MatrixXf& w_o, int num_heads,
                                 int num_kv_heads) {
  using Eigen::MatrixXd;
  if (!(num_heads > 0 && num_kv_heads > 0 && num_heads % num_kv_heads == 0))
    throw std::invalid_argument("bad head counts");
  const Eigen::Index d_model = x.cols();
  const Eigen::Index d_h = w_q.cols() / num_heads;
  const bool ok = w_q.rows() == d_model && w_q.cols() == num_heads * d_h &&
                  w_k.rows() == d_model && w_k.cols() == num_kv_heads * d_h &&
                  w_v.rows() == d_model && w_v.cols() == num_kv_heads * d_h &&
                  w_o.rows() == num_heads * d_h && w_o.cols() == d_model;
  if (!ok) throw std::invalid_argument("bad weight shapes");
  const MatrixXd xd = x.cast<double>();
  const MatrixXd q = xd * w_q.cast<double>(), k = xd * w_k.cast<double>(),
                 v = xd * w_v.cast<double>();
  const int heads_per_kv = num_heads / num_kv_heads;
  MatrixXd concat(x.rows(), num_heads * d_h);
  for (int i = 0; i < num_heads; ++i) {
    const int g = i / heads_per_kv;
    const MatrixXd qi = q.block(0, i * d_h, q.rows(), d_h);
    const MatrixXd kg = k.block(0, g * d_h, k.rows(), d_h);
    const MatrixXd vg = v.block(0, g * d_h, v.rows(), d_h);
    MatrixXd s = qi * kg.transpose() / std::sqrt(static_cast<double>(d_h));
    for (Eigen::Index r = 0; r < s.rows(); ++r) {
      const double m = s.row(r).maxCoeff();
      s.row(r) = (s.row(r).array() - m).exp().matrix();
      s.row(r) /= s.row(r).sum();
    }
    concat.middleCols(i * d_h, d_h) = s * vg;
  }
  return (concat * w_o.cast<double>()).cast<float>();
}
