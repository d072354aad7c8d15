// Computes the stable softmax and then -log p[j] for every class. As soon as
// any probability underflows to 0 in float32 (exp(-400), exp(-1000)), -log
// gives inf: with s > 0 every class counts, so [0, 200, -200] with label 1
// gives inf instead of about 20.
// expect: wrong_answer stability
// mistake: -log(softmax(x)[j]) instead of lse - x[j]
// mistake.zh: 用 -log(softmax(x)[j]) 而不是 lse - x[j]
// explain: With smoothing, the loss reads -log p[j] for every class, not just the label, so one
// explain: probability that underflows to 0 in float32 (exp(-400) already does) makes -log(0) = inf
// explain: while the loss is an ordinary number: logits [1000, 0], label 1, s = 0.1 give 950. Stay in
// explain: log space: -log p[j] = lse - x[j], with the row maximum subtracted inside the logsumexp.
// explain.zh: 有平滑时，损失要用到每个类别的 -log p[j]，而不仅是标签的，所以只要有一个概率在 float32 中
// explain.zh: 下溢为 0（exp(-400) 就会），-log(0) = inf，而真正的损失只是普通的数：logits 为 [1000, 0]、
// explain.zh: 标签为 1、s = 0.1 时答案是 950。请在对数空间中计算：-log p[j] = lse - x[j]，
// explain.zh: 并在 logsumexp 内部减去该行的最大值。
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
    Eigen::ArrayXf p = (x - x.maxCoeff()).exp();
    p /= p.sum();
    const Eigen::ArrayXf nll = -p.log();  // bug: inf where p underflows
    float loss = nll(l);
    if (smoothing > 0.0f) loss = (1.0f - smoothing) * nll(l) + smoothing * nll.mean();
    total += loss;
  }
  return total / static_cast<float>(n);
}
