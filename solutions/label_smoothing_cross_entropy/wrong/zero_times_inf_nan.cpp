// Mixes the two parts as the formula reads, (1 - s) * nll + s * uniform,
// without looking at infinities first. With s = 0 and a -inf logit off the
// label the uniform part is +inf and 0 * inf = NaN, where the answer is the
// plain (finite) cross-entropy.
// expect: wrong_answer edge
// mistake: 0 * inf = NaN when s = 0 meets a -inf logit
// mistake.zh: s = 0 遇到 -inf 的 logit 时 0 * inf = NaN
// explain: A -inf logit makes that class's -log p = +inf, so the uniform part is +inf; with s = 0
// explain: its weight is 0, and in floating point 0 * inf is NaN, not 0, so the loss becomes NaN
// explain: while plain cross-entropy is finite (likewise (1 - s) * inf at s = 1 with a -inf label,
// explain: where the answer is +inf). Decide the infinite cases first: +inf if the label's logit is
// explain: -inf or s > 0 and the row has a -inf; with s = 0 skip the uniform part.
// explain.zh: -inf 的 logit 使该类别的 -log p = +inf，于是均匀部分为 +inf；s = 0 时它的权重是 0，
// explain.zh: 而浮点数中 0 * inf 是 NaN 而不是 0，损失就成了 NaN，尽管普通交叉熵是有限的
// explain.zh: （同理，s = 1 且标签为 -inf 时 (1 - s) * inf 也是 NaN，而答案是 +inf）。
// explain.zh: 请先判断无穷的情形：标签的 logit 为 -inf，或者 s > 0 且这一行有 -inf，则为 +inf；
// explain.zh: s = 0 时直接跳过均匀部分。
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
    const float m = x.maxCoeff();
    if (m == -inf) {  // a row of all -inf: probability 0 everywhere
      total += inf;
      continue;
    }
    const float lse = m + std::log((x - m).exp().sum());
    const float nll = lse - x(l);
    const float uniform = (lse - x).mean();
    total += (1.0f - smoothing) * nll + smoothing * uniform;  // bug: 0 * inf = NaN
  }
  return total / static_cast<float>(n);
}
