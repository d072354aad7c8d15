// Keeps the top_k experts in a min-heap and pops them, which lists each
// token's experts worst first (ascending logit) instead of best first.
// expect: wrong_answer basic
// mistake: Chosen experts listed in ascending logit order
// mistake.zh: 被选中的专家按 logit 从小到大排列
// explain: A min-heap of size top_k is a good way to find the top_k, but popping it yields them
// explain: from the smallest logit up. The convention is best first: experts[i * top_k] is the
// explain: token's highest logit, and weights[i, 0] its weight. Reverse the popped list (or sort
// explain: the chosen experts by descending logit, ties to the lower index).
// explain.zh: 用大小为 top_k 的最小堆找前 top_k 个是好办法，但依次弹出时是从最小的 logit 开始的。
// explain.zh: 约定是最好的在前：experts[i * top_k] 是该词元 logit 最大的专家，weights[i, 0] 是它的权重。
// explain.zh: 应把弹出的列表反转（或把被选中的专家按 logit 从大到小、并列时下标小的在前排序）。
#include "exercise.h"

#include <queue>
#include <utility>

Routing moe_router(const MatrixXf& x, const MatrixXf& w_gate, int top_k) {
  if (w_gate.rows() != x.cols()) throw std::invalid_argument("w_gate must be [d, E]");
  const int e = static_cast<int>(w_gate.cols());
  if (top_k <= 0 || top_k > e) throw std::invalid_argument("top_k must be in [1, E]");
  const MatrixXf logits = x * w_gate;
  Routing out;
  out.weights.resize(x.rows(), top_k);
  // Top of the heap: the worst kept expert (lower logit, or higher index on a tie).
  auto better = [](const std::pair<float, int>& a, const std::pair<float, int>& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    std::priority_queue<std::pair<float, int>, std::vector<std::pair<float, int>>,
                        decltype(better)>
        heap(better);
    for (int c = 0; c < e; ++c) {
      heap.push({logits(i, c), c});
      if (static_cast<int>(heap.size()) > top_k) heap.pop();
    }
    std::vector<std::pair<float, int>> chosen;
    while (!heap.empty()) {
      chosen.push_back(heap.top());  // bug: worst first, never reversed
      heap.pop();
    }
    float m = chosen[0].first;
    for (const auto& c : chosen) m = std::max(m, c.first);
    float sum = 0;
    for (const auto& c : chosen) sum += std::exp(c.first - m);
    for (int j = 0; j < top_k; ++j) {
      out.experts.push_back(chosen[j].second);
      out.weights(i, j) = std::exp(chosen[j].first - m) / sum;
    }
  }
  return out;
}
