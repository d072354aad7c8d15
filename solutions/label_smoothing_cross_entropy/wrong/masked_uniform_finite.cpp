// Treats -inf logits as masked-out classes and averages the uniform part over
// the finite ones only, so a row with a -inf off the label and s > 0 gets a
// finite loss. The target gives that class weight s / V > 0 and its
// probability is 0: the loss is +inf (as in PyTorch).
// expect: wrong_answer edge
// mistake: -inf classes left out of the uniform part (finite instead of +inf)
// mistake.zh: 均匀部分跳过了 -inf 的类别（得到有限值而不是 +inf）
// explain: With s > 0 the smoothed target puts s / V on every class, including one whose logit is
// explain: -inf, and that class's -log p is +inf, so the row's loss is +inf (PyTorch gives inf too).
// explain: Skipping it, or averaging over the finite classes only, changes the loss. If a class
// explain: really should not exist, remove its column; here return +inf for such a row when s > 0.
// explain.zh: s > 0 时平滑目标在每个类别上都放了 s / V，包括 logit 为 -inf 的类别，而该类别的
// explain.zh: -log p 是 +inf，所以这一行的损失是 +inf（PyTorch 也给出 inf）。跳过它，或只在有限的类别上
// explain.zh: 取平均，都会改变损失。如果某个类别确实不该存在，应删去那一列；本题中 s > 0 时
// explain.zh: 这样的行应返回 +inf。
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
    if (x(l) == -inf) {
      total = inf;
      continue;
    }
    const double m = x.maxCoeff();
    const double lse = m + std::log((x - m).exp().sum());
    double uniform = 0.0;
    Eigen::Index finite = 0;
    for (Eigen::Index j = 0; j < v; ++j)
      if (x(j) != -inf) {  // bug: a -inf class still has target weight s / V
        uniform += lse - x(j);
        ++finite;
      }
    total += (1.0 - smoothing) * (lse - x(l)) + smoothing * uniform / static_cast<double>(finite);
  }
  return static_cast<float>(total / static_cast<double>(n));
}
