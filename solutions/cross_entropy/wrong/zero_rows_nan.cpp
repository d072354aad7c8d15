// Checks the labels but not the number of rows: with zero rows the mean is
// 0 / 0 = NaN instead of an std::invalid_argument.
// expect: wrong_answer invalid
// mistake: Zero rows give NaN instead of std::invalid_argument
// mistake.zh: 没有行时返回 NaN 而不是抛出 std::invalid_argument
// explain: With zero rows (and zero labels) the label checks pass, and the mean of nothing is 0 / 0
// explain: = NaN, which is returned as if it were a loss. The mean over no rows is undefined: throw
// explain: std::invalid_argument when logits has no rows.
// explain.zh: 没有行（也没有标签）时，标签检查都能通过，而空集合的平均值是 0 / 0 = NaN，
// explain.zh: 却被当作损失返回了。对零行求平均没有定义：当 logits 没有行时，
// explain.zh: 应抛出 std::invalid_argument。
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
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
  return total / static_cast<float>(n);  // bug: 0 / 0 when n == 0
}
