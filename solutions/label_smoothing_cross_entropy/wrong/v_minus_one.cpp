// Spreads the smoothing over the other V - 1 classes only: the label gets
// 1 - s and every other class s / (V - 1). That is a common convention, but
// not PyTorch's, whose uniform part covers all V classes (the label gets
// 1 - s + s / V). With V = 2 and s = 0.3 the two losses differ by about 0.3.
// expect: wrong_answer basic
// mistake: Smoothing spread over the V - 1 other classes instead of all V
// mistake.zh: 把平滑量只分给其余 V - 1 个类别，而不是全部 V 个类别
// explain: The problem follows PyTorch's label_smoothing: the target is (1 - s) * onehot plus s / V
// explain: on every one of the V classes, the label included, so the uniform part is the mean of
// explain: -log p[j] over all V classes. Giving s / (V - 1) to the other classes only is another
// explain: loss (it matches only when s = 0). Average lse - x[j] over all j, label included.
// explain.zh: 本题遵循 PyTorch 的 label_smoothing：目标分布是 (1 - s) * onehot，再在全部 V 个类别上
// explain.zh: （包括标签）各加 s / V，所以均匀部分是 -log p[j] 在全部 V 个类别上的平均值。只给其余类别
// explain.zh: 各分 s / (V - 1) 是另一个损失函数（只在 s = 0 时相同）。请对所有 j（包括标签）平均 lse - x[j]。
#include "exercise.h"

float label_smoothing_cross_entropy(const MatrixXf& logits, const std::vector<int>& labels,
                                    float smoothing) {
  const Eigen::Index n = logits.rows(), v = logits.cols();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= v) throw std::invalid_argument("label out of range");
  if (!(smoothing >= 0.0f && smoothing <= 1.0f)) throw std::invalid_argument("smoothing");
  const double inf = std::numeric_limits<double>::infinity();
  double total = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int l = labels[static_cast<std::size_t>(i)];
    const Eigen::ArrayXd x = logits.row(i).transpose().cast<double>().array();
    if (x(l) == -inf || (smoothing > 0.0f && (x == -inf).any())) {
      total = inf;
      continue;
    }
    const double m = x.maxCoeff();
    const double lse = m + std::log((x - m).exp().sum());
    double others = 0.0;
    for (Eigen::Index j = 0; j < v; ++j)
      if (j != l) others += lse - x(j);
    const double off = v > 1 ? smoothing / static_cast<double>(v - 1) : 0.0;  // bug: V - 1
    total += (1.0 - smoothing) * (lse - x(l)) + (smoothing > 0.0f ? off * others : 0.0);
  }
  return static_cast<float>(total / static_cast<double>(n));
}
