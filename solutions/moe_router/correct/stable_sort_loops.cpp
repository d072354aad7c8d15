// Plain float loops: logits = x * w_gate, then per token a std::stable_sort of
// the expert indices by descending logit (ties keep the lower index first),
// and a max-shifted softmax over the first top_k.
// expect: accepted
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
    for (int j = 0; j < top_k; ++j) {
      out.experts.push_back(idx[j]);
      out.weights(i, j) = std::exp(logits(i, idx[j]) - m);
      sum += out.weights(i, j);
    }
    for (int j = 0; j < top_k; ++j) out.weights(i, j) /= sum;
  }
  return out;
}
