// Reference: top-k gating of a mixture-of-experts layer (Mixtral), in double
// precision. logits = x w_gate; per token, its top_k experts by descending
// logit (ties to the lower index) and the softmax of those top_k logits only.
#include "reference_blocks.h"

#include <algorithm>
#include <numeric>

namespace reference {

Routing moe_router(const Matrix& x, const Matrix& w_gate, int top_k) {
  using blocks::require;
  require(w_gate.rows() == x.cols(), "moe_router: w_gate must have one row per column of x");
  const Eigen::Index experts = w_gate.cols();
  require(top_k > 0 && top_k <= experts, "moe_router: top_k must be in [1, E]");
  const Matrix logits = x * w_gate;  // [n, E]
  const Eigen::Index n = logits.rows();

  Routing out;
  out.weights = Matrix::Zero(n, top_k);
  std::vector<int> order(static_cast<std::size_t>(experts));
  for (Eigen::Index i = 0; i < n; ++i) {
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return logits(i, a) > logits(i, b); });
    const double max = logits(i, order[0]);
    double sum = 0;
    for (int j = 0; j < top_k; ++j) {
      out.experts.push_back(order[static_cast<std::size_t>(j)]);
      sum += out.weights(i, j) = std::exp(logits(i, order[static_cast<std::size_t>(j)]) - max);
    }
    out.weights.row(i) /= sum;
  }
  return out;
}

}  // namespace reference
