// One pass per query with the online softmax, walking from the query's own key
// (bias 0) back to key 0 (bias -slope * i). The running maximum starts at
// -inf; the sum and the accumulator are rescaled whenever it grows.
// expect: accepted
#include "exercise.h"

MatrixXf alibi_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float slope) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("alibi_attention: shapes do not fit");
  if (std::isnan(slope) || std::isinf(slope) || slope < 0)
    throw std::invalid_argument("alibi_attention: slope must be finite and >= 0");
  const Eigen::Index n = q.rows(), dv = v.cols();
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf out(n, dv);
  Eigen::RowVectorXf acc(dv);
  for (Eigen::Index i = 0; i < n; ++i) {
    float run_max = -std::numeric_limits<float>::infinity(), run_sum = 0;
    acc.setZero();
    for (Eigen::Index j = i; j >= 0; --j) {
      const float s = q.row(i).dot(k.row(j)) * scale - slope * static_cast<float>(i - j);
      if (s > run_max) {
        const float alpha = std::exp(run_max - s);
        run_sum *= alpha;
        acc *= alpha;
        run_max = s;
      }
      const float w = std::exp(s - run_max);
      run_sum += w;
      acc += w * v.row(j);
    }
    out.row(i) = acc / run_sum;
  }
  return out;
}
