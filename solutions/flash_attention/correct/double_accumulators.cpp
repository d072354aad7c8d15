// Float score tiles from Eigen, but the running max, running sum and the output
// accumulator are kept in double; the result is rounded to float at the end.
// expect: accepted
#include "exercise.h"

#include <algorithm>

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                const Eigen::MatrixXf& v, int block_size) {
  if (block_size <= 0) throw std::invalid_argument("block_size must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), m = k.rows(), dv = v.cols(), b = block_size;
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  Eigen::MatrixXf out = Eigen::MatrixXf::Zero(n, dv);
  if (m == 0) return out;
  for (Eigen::Index i0 = 0; i0 < n; i0 += b) {
    const Eigen::Index bn = std::min(b, n - i0);
    Eigen::VectorXd row_max =
        Eigen::VectorXd::Constant(bn, -std::numeric_limits<double>::infinity());
    Eigen::VectorXd row_sum = Eigen::VectorXd::Zero(bn);
    Eigen::MatrixXd acc = Eigen::MatrixXd::Zero(bn, dv);
    for (Eigen::Index j0 = 0; j0 < m; j0 += b) {
      const Eigen::Index bm = std::min(b, m - j0);
      const Eigen::MatrixXf s = (q.middleRows(i0, bn) * k.middleRows(j0, bm).transpose()) * scale;
      Eigen::MatrixXd p(bn, bm);
      for (Eigen::Index r = 0; r < bn; ++r) {
        const double new_max = std::max(row_max(r), static_cast<double>(s.row(r).maxCoeff()));
        const double alpha = std::exp(row_max(r) - new_max);
        for (Eigen::Index c = 0; c < bm; ++c)
          p(r, c) = std::exp(static_cast<double>(s(r, c)) - new_max);
        row_sum(r) = alpha * row_sum(r) + p.row(r).sum();
        acc.row(r) *= alpha;
        row_max(r) = new_max;
      }
      acc.noalias() += p * v.middleRows(j0, bm).cast<double>();
    }
    out.middleRows(i0, bn) = (acc.array().colwise() / row_sum.array()).matrix().cast<float>();
  }
  return out;
}
