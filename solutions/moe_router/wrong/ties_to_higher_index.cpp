// Sorts (logit, index) pairs with std::greater, which breaks ties by the
// larger index: equal logits pick and list the higher expert first.
// expect: wrong_answer edge
// mistake: Ties between equal logits go to the higher expert index
// mistake.zh: logits 相等时选了下标较大的专家
// explain: Sorting std::pair<float, int> in descending order compares the index too, and puts the
// explain: larger index first when the logits are equal. The convention is the lower index first
// explain: (the order a stable sort gives): it decides which expert is chosen at the cut and the
// explain: order of the chosen ones. Compare the logit descending,
// explain: then the index ascending.
// explain.zh: 把 std::pair<float, int> 按降序排序时也会比较下标，logits 相等时下标大的排在前面。
// explain.zh: 约定是下标小的在前（稳定排序给出的就是这个顺序）：它决定了截断处选中哪个专家，
// explain.zh: 也决定了被选中专家的顺序。应先按 logit 降序比较，再按下标升序比较。
#include "exercise.h"

#include <algorithm>
#include <functional>
#include <utility>

Routing moe_router(const MatrixXf& x, const MatrixXf& w_gate, int top_k) {
  if (w_gate.rows() != x.cols()) throw std::invalid_argument("w_gate must be [d, E]");
  const int e = static_cast<int>(w_gate.cols());
  if (top_k <= 0 || top_k > e) throw std::invalid_argument("top_k must be in [1, E]");
  const MatrixXf logits = x * w_gate;
  Routing out;
  out.weights.resize(x.rows(), top_k);
  std::vector<std::pair<float, int>> cand(static_cast<std::size_t>(e));
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    for (int c = 0; c < e; ++c) cand[c] = {logits(i, c), c};
    std::sort(cand.begin(), cand.end(), std::greater<>());  // bug: ties by larger index
    float sum = 0;
    for (int j = 0; j < top_k; ++j) {
      out.experts.push_back(cand[j].second);
      out.weights(i, j) = std::exp(cand[j].first - cand[0].first);
      sum += out.weights(i, j);
    }
    for (int j = 0; j < top_k; ++j) out.weights(i, j) /= sum;
  }
  return out;
}
