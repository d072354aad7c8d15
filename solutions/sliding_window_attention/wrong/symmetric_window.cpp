// A symmetric band |i - j| < window: the window reaches window - 1 keys into
// the future as well as into the past.
// expect: wrong_answer basic
// mistake: Symmetric window |i - j| < window that looks ahead
// mistake.zh: 对称窗口 |i - j| < window，能看到未来
// explain: A decoder's sliding window is still causal: row i sees i - window < j <= i. The symmetric
// explain: band |i - j| < window also reads up to window - 1 keys after the query, which a decoder
// explain: must never see (they do not exist yet at generation time). Keep j <= i, and let the window
// explain: remove only old keys.
// explain.zh: 解码器的滑动窗口仍然是因果的：第 i 行看到 i - window < j <= i。对称的带 |i - j| < window
// explain.zh: 还会读取查询之后最多 window - 1 个键，而解码器绝不能看到它们（生成时它们还不存在）。
// explain.zh: 保留 j <= i，窗口只负责去掉旧的键。
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
    const Eigen::Index hi = std::min<Eigen::Index>(n - 1, i + w - 1);  // bug: looks ahead
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = lo; j <= hi; ++j) {
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      s[j] = dot * scale;
      mx = std::max(mx, s[j]);
    }
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
