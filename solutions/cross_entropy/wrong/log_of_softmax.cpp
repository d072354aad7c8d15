// Computes the stable softmax first and then takes -log of the label's
// probability. For logits [1000, 0] with label 1 the probability exp(-1000)
// underflows to 0 in float32 and -log(0) = inf, while the answer is 1000. Use
// logsumexp(x) - x[label] instead.
// expect: wrong_answer stability
// mistake: -log(softmax(x)[label]) instead of logsumexp(x) - x[label]
// mistake.zh: 用 -log(softmax(x)[label]) 而不是 logsumexp(x) - x[label]
// explain: Computing the probability first fails when it underflows: for logits [1000, 0] and label
// explain: 1 it is exp(-1000), which is 0 in float32, so -log(0) = inf while the loss is exactly
// explain: 1000. Stay in log space: each row's loss is logsumexp(row) - row[label], with the row
// explain: maximum subtracted inside the logsumexp.
// explain.zh: 先算概率，一旦概率下溢就会出错：logits 为 [1000, 0]、标签为 1 时，概率是 exp(-1000)，
// explain.zh: 在 float32 中为 0，于是 -log(0) = inf，而正确的损失恰好是 1000。应在对数空间中计算：
// explain.zh: 每一行的损失是 logsumexp(row) - row[label]，并在 logsumexp 内部减去该行的最大值。
#include "exercise.h"

float cross_entropy(const MatrixXf& logits, const std::vector<int>& labels) {
  const Eigen::Index n = logits.rows();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= logits.cols()) throw std::invalid_argument("label out of range");
  float total = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const float m = logits.row(i).maxCoeff();
    Eigen::ArrayXf p = (logits.row(i).transpose().array() - m).exp();
    p /= p.sum();
    total += -std::log(p(labels[static_cast<std::size_t>(i)]));
  }
  return total / static_cast<float>(n);
}
