// Log-sum-exp without the max shift: lse = log(sum(exp(x))). exp(1000)
// overflows float32 to inf, so the loss is inf or NaN; in a row far below zero
// every exp underflows to 0 and log(0) = -inf.
// expect: wrong_answer stability
// mistake: Log-sum-exp in the loss without subtracting the maximum
// mistake.zh: 损失中的 log-sum-exp 没有减去最大值
// explain: log(sum(exp(x))) taken literally overflows: exp(1000) is inf in float32, so lse and the
// explain: loss are inf (or NaN once inf - inf appears), and in a row far below zero every exp
// explain: underflows to 0 and log(0) = -inf. Compute lse = m + log(sum exp(x - m)) with the row
// explain: maximum m; every -log p[j] is then lse - x[j].
// explain.zh: 直接计算 log(sum(exp(x))) 会溢出：exp(1000) 在 float32 中为 inf，lse 和损失都成了 inf
// explain.zh: （出现 inf - inf 时就是 NaN）；而在远小于 0 的行中，每个 exp 都下溢为 0，log(0) = -inf。
// explain.zh: 应使用行最大值 m 计算 lse = m + log(sum exp(x - m))，于是每个 -log p[j] 都是 lse - x[j]。
#include "exercise.h"

float label_smoothing_cross_entropy(const MatrixXf& logits, const std::vector<int>& labels,
                                    float smoothing) {
  const Eigen::Index n = logits.rows(), v = logits.cols();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= v) throw std::invalid_argument("label out of range");
  if (!(smoothing >= 0.0f && smoothing <= 1.0f)) throw std::invalid_argument("smoothing");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int l = labels[static_cast<std::size_t>(i)];
    const Eigen::ArrayXf x = logits.row(i).transpose().array();
    if (x(l) == -inf || (smoothing > 0.0f && (x == -inf).any())) {
      total += inf;
      continue;
    }
    const float lse = std::log(x.exp().sum());  // bug: no max shift
    float loss = lse - x(l);
    if (smoothing > 0.0f) loss = (1.0f - smoothing) * loss + smoothing * (lse - x.mean());
    total += loss;
  }
  return total / static_cast<float>(n);
}
