// Softmax of the chosen logits without subtracting their maximum: exp(1000)
// overflows float32 and the weights become inf / inf = NaN.
// expect: wrong_answer stability
// mistake: Gate softmax without subtracting the largest chosen logit
// mistake.zh: 门控 softmax 没有减去被选中 logits 的最大值
// explain: Router logits are x * w_gate and can reach 1e3: exp(1000) is inf in float32 and inf /
// explain: inf is NaN, while near -1e3 every exp underflows to 0 and the weights are 0 / 0.
// explain: Subtract the largest chosen logit (the first one) before exponentiating; the weights
// explain: do not change, and every exponent is <= 0.
// explain.zh: 路由 logits 是 x * w_gate，可能达到 1e3：exp(1000) 在 float32 中为 inf，inf / inf 是
// explain.zh: NaN；而在 -1e3 附近每个 exp 都下溢为 0，权重变成 0 / 0。取指数之前应先减去被选中
// explain.zh: logits 中最大的那个（第一个）：权重不变，而且每个指数都 <= 0。
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
    float sum = 0;
    for (int j = 0; j < top_k; ++j) {
      out.experts.push_back(idx[j]);
      out.weights(i, j) = std::exp(logits(i, idx[j]));  // bug: no max shift
      sum += out.weights(i, j);
    }
    for (int j = 0; j < top_k; ++j) out.weights(i, j) /= sum;
  }
  return out;
}
