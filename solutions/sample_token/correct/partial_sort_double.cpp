// std::partial_sort of (scaled logit, index) pairs for top-k, then the
// probabilities, the nucleus and the walk accumulated in double. The walk
// compares the unnormalised cumulative sum with u * mass: the same test as
// cumulative / mass > u, with one division fewer.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <utility>

int sample_token(const VectorXf& logits, float temperature, int top_k, float top_p, float u) {
  if (!(std::isfinite(temperature) && temperature > 0.0f))
    throw std::invalid_argument("sample_token: bad temperature");
  if (!(top_p > 0.0f && top_p <= 1.0f)) throw std::invalid_argument("sample_token: bad top_p");
  if (!(u >= 0.0f && u < 1.0f)) throw std::invalid_argument("sample_token: bad u");
  if (logits.size() == 0) throw std::invalid_argument("sample_token: no logits");
  if (logits.array().isNaN().any() || (logits.array() == INFINITY).any())
    throw std::invalid_argument("sample_token: NaN or +inf logit");
  if (logits.maxCoeff() == -INFINITY) throw std::invalid_argument("sample_token: all -inf");

  const std::size_t v = static_cast<std::size_t>(logits.size());
  std::vector<std::pair<double, int>> cand(v);
  for (std::size_t i = 0; i < v; ++i)
    cand[i] = {static_cast<double>(logits(static_cast<Eigen::Index>(i))) / temperature,
               static_cast<int>(i)};
  const std::size_t k = top_k > 0 && static_cast<std::size_t>(top_k) < v
                            ? static_cast<std::size_t>(top_k)
                            : v;
  auto better = [](const std::pair<double, int>& a, const std::pair<double, int>& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  std::partial_sort(cand.begin(), cand.begin() + static_cast<std::ptrdiff_t>(k), cand.end(),
                    better);
  cand.resize(k);

  std::vector<double> w(k);
  double total = 0;
  for (std::size_t j = 0; j < k; ++j) total += w[j] = std::exp(cand[j].first - cand[0].first);

  std::size_t n = 0;
  double kept = 0;
  while (n < k) {
    kept += w[n++];
    if (kept >= top_p * total) break;
  }
  const double target = u * kept;
  double cum = 0;
  for (std::size_t j = 0; j < n; ++j) {
    cum += w[j];
    if (cum > target) return cand[j].second;
  }
  for (std::size_t j = n; j-- > 0;)
    if (w[j] > 0) return cand[j].second;
  return cand[0].second;
}
