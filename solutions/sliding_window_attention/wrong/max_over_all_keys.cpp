// Takes the row maximum over every key (the whole row of Q K^T) and applies
// the window only afterwards. A hidden key far above the visible ones makes
// every visible exp(s - max) underflow to 0: the row becomes 0 / 0.
// expect: wrong_answer stability
// mistake: Row maximum taken over keys outside the window
// mistake.zh: 行最大值把窗口外的键也算进去了
// explain: Any shift gives the same softmax on paper, but in float32 the visible terms are
// explain: exp(s - max): if a key before the window (or after the query) scores 2000 and the visible
// explain: ones under 10, all of them underflow to 0 and the row is 0 / 0 = NaN. Take the maximum
// explain: over the visible keys i - window < j <= i only.
// explain.zh: 数学上用任何平移量得到的 softmax 都一样，但在 float32 中可见项是 exp(s - max)：
// explain.zh: 如果窗口之前（或查询之后）的某个键分数为 2000，而可见键都不到 10，它们会全部下溢为 0，
// explain.zh: 这一行变成 0 / 0 = NaN。只在可见的键 i - window < j <= i 上求最大值。
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
    for (Eigen::Index j = 0; j < n; ++j)  // bug: every key sets the maximum
      mx = std::max(mx, q.row(i).dot(k.row(j)) * scale);
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
