// Logits accumulated in double by explicit dot products, std::partial_sort of
// (logit, index) pairs with an explicit tie rule, and the softmax of the
// chosen logits in double, rounded to float at the end.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <utility>

Routing moe_router(const MatrixXf& x, const MatrixXf& w_gate, int top_k) {
  const Eigen::Index n = x.rows(), d = x.cols(), e = w_gate.cols();
  if (w_gate.rows() != d) throw std::invalid_argument("moe_router: w_gate has the wrong height");
  if (top_k < 1 || top_k > e) throw std::invalid_argument("moe_router: bad top_k");
  Routing r;
  r.experts.reserve(static_cast<std::size_t>(n * top_k));
  r.weights = MatrixXf::Zero(n, top_k);
  std::vector<std::pair<double, int>> cand(static_cast<std::size_t>(e));
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index c = 0; c < e; ++c) {
      double dot = 0;
      for (Eigen::Index k = 0; k < d; ++k) dot += static_cast<double>(x(i, k)) * w_gate(k, c);
      cand[static_cast<std::size_t>(c)] = {dot, static_cast<int>(c)};
    }
    std::partial_sort(cand.begin(), cand.begin() + top_k, cand.end(),
                      [](const std::pair<double, int>& a, const std::pair<double, int>& b) {
                        return a.first > b.first || (a.first == b.first && a.second < b.second);
                      });
    double total = 0;
    std::vector<double> w(static_cast<std::size_t>(top_k));
    for (int j = 0; j < top_k; ++j) total += w[j] = std::exp(cand[j].first - cand[0].first);
    for (int j = 0; j < top_k; ++j) {
      r.experts.push_back(cand[static_cast<std::size_t>(j)].second);
      r.weights(i, j) = static_cast<float>(w[static_cast<std::size_t>(j)] / total);
    }
  }
  return r;
}
