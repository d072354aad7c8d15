// Takes the softmax of the raw logits, applies top-k and top-p to it, and only
// then sharpens the kept probabilities with the temperature (p^(1/T),
// renormalised). The nucleus is chosen as if the temperature were 1.
// expect: wrong_answer basic
// mistake: Temperature applied after the softmax and the nucleus
// mistake.zh: 在 softmax 和 nucleus 之后才应用温度
// explain: The temperature divides the logits before anything else: it changes which tokens make
// explain: up the nucleus (a low temperature can leave only the top token, a high one widens it).
// explain: Choosing the nucleus from softmax(logits) and applying the temperature afterwards
// explain: samples from the wrong set, and p^(1/T) in float32 underflows to 0 for small T.
// explain: Compute z = logits / T first and do top-k, softmax and top-p on z.
// explain.zh: 温度必须最先作用在 logits 上：它会改变 nucleus 由哪些词元组成（低温可能只剩最大的
// explain.zh: 词元，高温会让它变宽）。先从 softmax(logits) 中选 nucleus、之后再应用温度，
// explain.zh: 就是从错误的集合中采样；而且 T 很小时 float32 的 p^(1/T) 会下溢为 0。
// explain.zh: 应先算 z = logits / T，再对 z 做 top-k、softmax 和 top-p。
#include "exercise.h"

#include <algorithm>
#include <numeric>

int sample_token(const VectorXf& logits, float temperature, int top_k, float top_p, float u) {
  if (!std::isfinite(temperature) || !(temperature > 0)) throw std::invalid_argument("temperature");
  if (!(top_p > 0 && top_p <= 1)) throw std::invalid_argument("top_p");
  if (!(u >= 0 && u < 1)) throw std::invalid_argument("u");
  const int v = static_cast<int>(logits.size());
  if (v == 0) throw std::invalid_argument("empty logits");
  for (int i = 0; i < v; ++i)
    if (std::isnan(logits(i)) || logits(i) == std::numeric_limits<float>::infinity())
      throw std::invalid_argument("NaN or +inf logit");
  if (logits.maxCoeff() == -std::numeric_limits<float>::infinity())
    throw std::invalid_argument("all -inf");
  std::vector<int> idx(v);
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return logits(a) > logits(b); });
  const int k = (top_k <= 0 || top_k > v) ? v : top_k;
  std::vector<float> p(k);
  float sum = 0;
  for (int j = 0; j < k; ++j) sum += p[j] = std::exp(logits(idx[j]) - logits(idx[0]));
  for (float& x : p) x /= sum;
  int n = 0;
  float cum = 0;
  while (n < k) {
    cum += p[n++];
    if (cum >= top_p) break;
  }
  // bug: the temperature only reshapes the nucleus chosen at temperature 1.
  float mass = 0;
  for (int j = 0; j < n; ++j) mass += p[j] = std::pow(p[j], 1.0f / temperature);
  float c = 0;
  for (int j = 0; j < n; ++j) {
    c += p[j] / mass;
    if (c > u) return idx[j];
  }
  return idx[n - 1];
}
