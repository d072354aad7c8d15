// Keeps window - 1 keys: i - window + 1 < j <= i, an off-by-one that drops the
// oldest key of every full window (and with window = 1 leaves rows empty).
// expect: wrong_answer basic
// mistake: Window of window - 1 keys (i - window + 1 < j)
// mistake.zh: 窗口少了一个键（i - window + 1 < j）
// explain: Row i must see window keys, itself included: j from i - window + 1 to i. Starting one
// explain: later drops the oldest visible key of every full window, and with window = 1 the row has no
// explain: key at all. Count the keys of row i for window = 2: they are i - 1 and i.
// explain.zh: 第 i 行应看到 window 个键（包括自己）：j 从 i - window + 1 到 i。起点再往后挪一个，
// explain.zh: 每个满窗口都会丢掉最早的那个可见键；window = 1 时这一行一个键都没有。
// explain.zh: 对 window = 2 数一数第 i 行的键：应该是 i - 1 和 i。
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
    const Eigen::Index lo = std::max<Eigen::Index>(0, i - w + 2);  // bug: window - 1 keys
    const Eigen::Index hi = i;
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
