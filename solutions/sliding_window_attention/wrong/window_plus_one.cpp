// Keeps window + 1 keys: i - window <= j <= i, the reading of "positions
// between i - W and i" with both ends included.
// expect: wrong_answer basic
// mistake: Window of window + 1 keys (i - window <= j)
// mistake.zh: 窗口多了一个键（i - window <= j）
// explain: The window counts keys, the query's own included: row i sees i - window < j <= i, that is
// explain: window keys. Writing i - window <= j keeps one old key too many, so once i >= window every
// explain: row also reads key i - window. Check with window = 1: the row must see only itself.
// explain.zh: 窗口按键的个数计，包括查询自己：第 i 行看到 i - window < j <= i，共 window 个键。
// explain.zh: 写成 i - window <= j 会多保留一个旧键，于是 i >= window 之后每一行都还会读到键 i - window。
// explain.zh: 用 window = 1 检查：这一行应该只看到它自己。
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
    const Eigen::Index lo = std::max<Eigen::Index>(0, i - w);  // bug: window + 1 keys
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
