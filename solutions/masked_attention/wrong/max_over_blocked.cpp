// Shifts each row by the maximum of all its scores, blocked ones included, and
// skips blocked keys only in the sum. Fine while the scores are close, but a
// blocked key that scores thousands above the kept ones becomes the shift:
// every kept exp(s - max) underflows to 0 and the row is 0 / 0 = NaN.
// expect: wrong_answer stability
// mistake: Row maximum taken over the blocked scores too
// mistake.zh: 行最大值把被屏蔽的分数也算了进去
// explain: The shift is the maximum of all scores in the row, blocked ones included. When a blocked
// explain: key scores thousands above the kept ones, every kept exp(s - max) underflows to 0 and
// explain: the row is 0 / 0 = NaN. Take the maximum over the kept scores only, so that the largest
// explain: kept term is exp(0) = 1.
// explain.zh: 平移量取的是整行所有分数的最大值，包括被屏蔽的。
// explain.zh: 当某个被屏蔽键的分数比被保留的高出几千时，所有被保留的 exp(s - max) 都下溢为 0，
// explain.zh: 该行变成 0 / 0 = NaN。只在被保留的分数上求最大值，
// explain.zh: 这样被保留项中最大的一项就是 exp(0) = 1。
#include "exercise.h"

#include <vector>

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || mask.rows() != q.rows() ||
      mask.cols() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  std::vector<float> s(static_cast<size_t>(k.rows()));
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    if (!mask.row(i).any()) continue;  // fully blocked rows are handled
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      max = std::max(max, s[j] = q.row(i).dot(k.row(j)) * scale);  // bug: blocked too
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      if (mask(i, j)) sum += (s[j] = std::exp(s[j] - max));
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      if (mask(i, j)) out.row(i) += (s[j] / sum) * v.row(j);
  }
  return out;
}
