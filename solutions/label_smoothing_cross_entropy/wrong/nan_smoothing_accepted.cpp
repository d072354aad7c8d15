// Checks the smoothing with `if (s < 0 || s > 1) throw`, which lets NaN through
// (every comparison with NaN is false): the loss comes back NaN instead of an
// std::invalid_argument.
// expect: wrong_answer invalid
// mistake: smoothing checked with s < 0 || s > 1, which lets NaN through
// mistake.zh: 用 s < 0 || s > 1 检查平滑系数，NaN 会漏过去
// explain: Every comparison with NaN is false, so s = NaN passes the check s < 0 || s > 1 and the
// explain: loss becomes NaN instead of an std::invalid_argument. Write the test so that NaN fails it:
// explain: !(s >= 0 && s <= 1), or check std::isnan(s) as well.
// explain.zh: 与 NaN 的任何比较都为假，所以 s = NaN 能通过 s < 0 || s > 1 的检查，损失变成 NaN，
// explain.zh: 而不是抛出 std::invalid_argument。检查要写成 NaN 无法通过的形式：!(s >= 0 && s <= 1)，
// explain.zh: 或者再加上 std::isnan(s)。
#include "exercise.h"

float label_smoothing_cross_entropy(const MatrixXf& logits, const std::vector<int>& labels,
                                    float smoothing) {
  const Eigen::Index n = logits.rows(), v = logits.cols();
  if (n == 0) throw std::invalid_argument("no rows");
  if (static_cast<Eigen::Index>(labels.size()) != n) throw std::invalid_argument("labels size");
  for (int l : labels)
    if (l < 0 || l >= v) throw std::invalid_argument("label out of range");
  if (smoothing < 0.0f || smoothing > 1.0f) throw std::invalid_argument("smoothing");  // bug: NaN
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int l = labels[static_cast<std::size_t>(i)];
    const Eigen::ArrayXf x = logits.row(i).transpose().array();
    if (x(l) == -inf || (smoothing > 0.0f && (x == -inf).any())) {
      total += inf;
      continue;
    }
    const float m = x.maxCoeff();
    const float lse = m + std::log((x - m).exp().sum());
    float loss = lse - x(l);
    if (smoothing > 0.0f) loss = (1.0f - smoothing) * loss + smoothing * (lse - x.mean());
    total += loss;
  }
  return total / static_cast<float>(n);
}
