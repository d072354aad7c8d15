// Takes exp of the raw scores without subtracting the maximum: scores near
// 1000 overflow float32 (inf / inf = NaN), and rows near -1000 underflow.
// expect: wrong_answer stability
// mistake: Softmax without subtracting the maximum
// mistake.zh: softmax 没有减去最大值
// explain: exp(s) overflows float32 above about 88, so a row with scores near 1000 becomes
// explain: inf / inf = NaN, and near -1000 every exp underflows to 0. Subtract the maximum of the
// explain: visible scores before exp: the weights are the same and every exponent is at most 0.
// explain.zh: exp(s) 在 s 超过约 88 时会在 float32 中溢出，分数接近 1000 的行会变成 inf / inf = NaN；
// explain.zh: 分数接近 -1000 时每个 exp 都会下溢为 0。取指数之前先减去可见分数的最大值：
// explain.zh: 权重不变，而且每个指数都不大于 0。
#include "exercise.h"

#include <algorithm>
#include <vector>

MatrixXf sliding_window_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v,
                                  int window) {
  if (window <= 0) throw std::invalid_argument("window must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index n = q.rows(), dk = q.cols(), dv = v.cols(), w = window;
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, dv);
  std::vector<float> s(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index lo = std::max<Eigen::Index>(0, i - w + 1);
    const Eigen::Index hi = i;
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = lo; j <= hi; ++j) {
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      s[j] = dot * scale;
      mx = std::max(mx, s[j]);
    }
    mx = 0;  // bug: no max shift
    float sum = 0;
    for (Eigen::Index j = lo; j <= hi; ++j) {
      s[j] = std::exp(s[j] - mx);
      sum += s[j];
    }
    for (Eigen::Index j = lo; j <= hi; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += s[j] / sum * v(j, c);
  }
  return out;
}
