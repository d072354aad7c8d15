// Takes the softmax over all E experts and keeps the probabilities of the
// chosen ones without renormalising them: each token's weights sum to less
// than 1.
// expect: wrong_answer basic
// mistake: Softmax over all experts, not renormalised to the chosen ones
// mistake.zh: 在全部专家上做 softmax，没有对被选中的专家重新归一化
// explain: Mixtral's gate is Softmax(TopK(logits)): the softmax covers the top_k chosen logits
// explain: only, so each token's weights sum to 1. The full softmax read at the chosen experts
// explain: sums to less than 1 (for logits [2, 1, 0, 0] and top_k = 2, 0.835), which scales every
// explain: expert's output down. Take the softmax of the chosen logits, or divide the kept
// explain: probabilities by their sum as Hugging Face does.
// explain.zh: Mixtral 的门控是 Softmax(TopK(logits))：softmax 只覆盖被选中的 top_k 个 logits，
// explain.zh: 所以每个词元的权重之和为 1。完整 softmax 在被选中专家上的值之和小于 1（logits 为
// explain.zh: [2, 1, 0, 0]、top_k = 2 时为 0.835），会把每个专家的输出都缩小。应只对被选中的 logits
// explain.zh: 做 softmax，或者像 Hugging Face 那样把保留的概率除以它们的和。
#include "exercise.h"

#include <algorithm>
#include <numeric>

Routing moe_router(const MatrixXf& x, const MatrixXf& w_gate, int top_k) {
  if (w_gate.rows() != x.cols()) throw std::invalid_argument("w_gate must be [d, E]");
  const int e = static_cast<int>(w_gate.cols());
  if (top_k <= 0 || top_k > e) throw std::invalid_argument("top_k must be in [1, E]");
  const MatrixXf logits = x * w_gate;
  Routing out;
  out.weights.resize(x.rows(), top_k);
  std::vector<int> idx(static_cast<std::size_t>(e));
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    std::iota(idx.begin(), idx.end(), 0);
    std::stable_sort(idx.begin(), idx.end(),
                     [&](int a, int b) { return logits(i, a) > logits(i, b); });
    const float m = logits(i, idx[0]);
    float sum = 0;
    for (int c = 0; c < e; ++c) sum += std::exp(logits(i, c) - m);  // bug: all E experts
    for (int j = 0; j < top_k; ++j) {
      out.experts.push_back(idx[j]);
      out.weights(i, j) = std::exp(logits(i, idx[j]) - m) / sum;
    }
  }
  return out;
}
