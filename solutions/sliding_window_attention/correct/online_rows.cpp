// One query at a time with the online softmax: a single pass over the band,
// the running maximum started at -inf, the sum and the value accumulator
// rescaled whenever the maximum grows. Only O(window + d_v) extra memory,
// which is the point of a sliding window.
// expect: accepted
#include "exercise.h"

#include <algorithm>

MatrixXf sliding_window_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v,
                                  int window) {
  if (window <= 0) throw std::invalid_argument("window must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), dv = v.cols();
  const Eigen::Index w = std::min<Eigen::Index>(window, std::max<Eigen::Index>(n, 1));
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf out(n, dv);
  Eigen::RowVectorXf acc(dv);
  for (Eigen::Index i = 0; i < n; ++i) {
    float run_max = -std::numeric_limits<float>::infinity(), run_sum = 0;
    acc.setZero();
    for (Eigen::Index j = std::max<Eigen::Index>(0, i - w + 1); j <= i; ++j) {
      const float s = q.row(i).dot(k.row(j)) * scale;
      if (s > run_max) {
        const float alpha = std::exp(run_max - s);
        run_sum *= alpha;
        acc *= alpha;
        run_max = s;
      }
      const float p = std::exp(s - run_max);
      run_sum += p;
      acc += p * v.row(j);
    }
    out.row(i) = acc / run_sum;
  }
  return out;
}
