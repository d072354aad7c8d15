// The mistake of solutions/scaled_dot_product_attention/wrong/dk_zero_nan.cpp, written with small helper lambdas (score, row softmax) over std::vector buffers instead of whole-matrix Eigen expressions.
// expect-mistake: dk_zero_nan
#include "exercise.h"

Eigen::MatrixXf scaled_dot_product_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k, const Eigen::MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("scaled_dot_product_attention: shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows();
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, v.cols());
  if (m == 0) return out;

  const float inv_sqrt_dk = 1.0f / std::sqrt(static_cast<float>(q.cols()));
  auto score = [&](Eigen::Index i, Eigen::Index j) {
    return q.row(i).dot(k.row(j)) * inv_sqrt_dk;
  };
  auto softmax_in_place = [](std::vector<float>& s) {
    float hi = -std::numeric_limits<float>::infinity();
    for (float value : s) hi = value > hi ? value : hi;
    float total = 0.0f;
    for (float& value : s) {
      value = std::exp(value - hi);
      total += value;
    }
    for (float& value : s) value /= total;
  };

  std::vector<float> row(static_cast<std::size_t>(m));
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < m; ++j) row[static_cast<std::size_t>(j)] = score(i, j);
    softmax_in_place(row);
    for (Eigen::Index j = 0; j < m; ++j) out.row(i) += row[static_cast<std::size_t>(j)] * v.row(j);
  }
  return out;
}
