// logsumexp without the max shift: log(sum(exp(x))) - x[label]. exp(1000)
// overflows float32 to inf, so the loss is inf; for rows far below zero every
// exp underflows to 0 and log(0) = -inf.
// expect: wrong_answer stability
// mistake: Log-sum-exp in the loss without subtracting the maximum
// mistake.zh: 损失中的 log-sum-exp 没有减去最大值
// explain: log(sum(exp(x))) - x[label] taken literally overflows: exp(1000) is inf in float32, so
// explain: the loss is inf, and in a row far below zero every exp underflows to 0 and log(0) =
// explain: -inf. Compute logsumexp(row) = m + log(sum exp(row - m)) with the row maximum m.
// explain.zh: 直接计算 log(sum(exp(x))) - x[label] 会溢出：exp(1000) 在 float32 中为 inf，
// explain.zh: 损失就是 inf；而在远小于 0 的行中，每个 exp 都下溢为 0，log(0) = -inf。
// explain.zh: 应使用行最大值 m 计算 logsumexp(row) = m + log(sum exp(row - m))。
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
  float total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float lse = std::log(logits.row(i).array().exp().sum());
    total += lse - logits(i, labels[static_cast<std::size_t>(i)]);
  }
  return total / static_cast<float>(n);
}
