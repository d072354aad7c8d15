// A max-heap (std::priority_queue) pops the tokens in descending scaled-logit
// order, ties to the lower index, stopping after top_k; the probabilities are
// an Eigen expression over the popped logits, and the nucleus and the walk
// use Eigen's cumulative sums.
// expect: accepted
#include "exercise.h"

#include <queue>
#include <utility>

int sample_token(const VectorXf& logits, float temperature, int top_k, float top_p, float u) {
  if (!std::isfinite(temperature) || temperature <= 0) throw std::invalid_argument("temperature");
  if (std::isnan(top_p) || top_p <= 0 || top_p > 1) throw std::invalid_argument("top_p");
  if (std::isnan(u) || u < 0 || u >= 1) throw std::invalid_argument("u");
  if (logits.size() == 0) throw std::invalid_argument("empty");
  for (Eigen::Index i = 0; i < logits.size(); ++i)
    if (std::isnan(logits(i)) || (std::isinf(logits(i)) && logits(i) > 0))
      throw std::invalid_argument("bad logit");
  if (!logits.array().isFinite().any()) throw std::invalid_argument("all -inf");

  const VectorXf z = logits / temperature;
  // Larger z first; on equal z the smaller index first.
  auto lower = [](const std::pair<float, int>& a, const std::pair<float, int>& b) {
    return a.first < b.first || (a.first == b.first && a.second > b.second);
  };
  std::priority_queue<std::pair<float, int>, std::vector<std::pair<float, int>>, decltype(lower)>
      heap(lower);
  for (Eigen::Index i = 0; i < z.size(); ++i) heap.push({z(i), static_cast<int>(i)});
  const Eigen::Index k = top_k > 0 && top_k < z.size() ? top_k : z.size();

  std::vector<int> order;
  VectorXf sorted(k);
  for (Eigen::Index j = 0; j < k; ++j) {
    sorted(j) = heap.top().first;
    order.push_back(heap.top().second);
    heap.pop();
  }
  Eigen::ArrayXf p = (sorted.array() - sorted(0)).exp();
  p /= p.sum();

  Eigen::Index n = 0;
  float mass = 0;
  while (n < k && !(mass >= top_p)) mass += p(n++);
  Eigen::ArrayXf cdf(n);
  float run = 0;
  for (Eigen::Index j = 0; j < n; ++j) cdf(j) = run += p(j) / mass;
  for (Eigen::Index j = 0; j < n; ++j)
    if (cdf(j) > u) return order[static_cast<std::size_t>(j)];
  for (Eigen::Index j = n - 1; j > 0; --j)
    if (p(j) > 0) return order[static_cast<std::size_t>(j)];
  return order[0];
}
