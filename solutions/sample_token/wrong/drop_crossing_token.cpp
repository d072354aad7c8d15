// Keeps only the tokens whose cumulative probability stays within top_p, so
// the token that crosses top_p is dropped (always keeping at least one).
// expect: wrong_answer basic
// mistake: The token that crosses top_p is dropped from the nucleus
// mistake.zh: nucleus 丢掉了越过 top_p 的那个词元
// explain: The nucleus is the shortest prefix whose cumulative probability reaches top_p, so the
// explain: token that makes the sum cross top_p belongs to it. Stopping while the sum is still
// explain: below top_p keeps less mass than asked (and nothing at all when the top token alone
// explain: exceeds top_p). Add the token first, then stop once the sum is >= top_p.
// explain.zh: nucleus 是累积概率达到 top_p 的最短前缀，所以使累积和越过 top_p 的词元也属于它。
// explain.zh: 在累积和仍小于 top_p 时就停下，保留的概率比要求的少（当最大的词元单独就超过
// explain.zh: top_p 时甚至一个都不剩）。应先把词元加进来，等累积和 >= top_p 时再停止。
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
  std::vector<float> z(v);
  for (int i = 0; i < v; ++i) z[i] = logits(i) / temperature;
  std::vector<int> idx(v);
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return z[a] > z[b]; });
  const int k = (top_k <= 0 || top_k > v) ? v : top_k;
  std::vector<float> p(k);
  float sum = 0;
  for (int j = 0; j < k; ++j) sum += p[j] = std::exp(z[idx[j]] - z[idx[0]]);
  for (float& x : p) x /= sum;
  int n = 1;
  float mass = p[0];
  while (n < k && mass + p[n] <= top_p) mass += p[n++];  // bug: the crossing token is left out
  float c = 0;
  for (int j = 0; j < n; ++j) {
    c += p[j] / mass;
    if (c > u) return idx[j];
  }
  return idx[n - 1];
}
