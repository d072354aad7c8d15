// Returns the sum of the per-row losses instead of their mean. It is right only
// for a single row.
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Sum of the row losses instead of their mean
// mistake.zh: 返回各行损失之和而不是平均值
// explain: The loss is the mean over the n rows, (1/n) * sum_i loss_i; the sum is right only when n
// explain: = 1 and is n times too large otherwise. Divide the total by the number of rows.
// explain.zh: 损失是 n 行的平均值 (1/n) * sum_i loss_i；返回总和只在 n = 1 时正确，
// explain.zh: 其他情况会大 n 倍。请把总和除以行数。
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float target = logits(i, labels[static_cast<std::size_t>(i)]);
    if (target == -inf) return inf;
    const float m = logits.row(i).maxCoeff();
    total += m + std::log((logits.row(i).array() - m).exp().sum()) - target;
  }
  return total;  // bug: should divide by n
}
