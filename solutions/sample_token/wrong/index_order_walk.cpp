// Filters the tokens correctly (top-k, softmax, nucleus, renormalisation) but
// then walks the kept tokens in index order for the inverse CDF.
// expect: wrong_answer basic
// mistake: The inverse-CDF walk goes in index order, not in descending probability
// mistake.zh: 逆 CDF 采样按下标顺序累加，而不是按概率从大到小
// explain: Which token a given u selects depends on the order the cumulative sum is taken in.
// explain: The convention (and what makes u = 0 the most probable token) is the order of the
// explain: nucleus: descending probability, ties by lower index. Walking 0, 1, 2, ... gives the
// explain: same distribution over random u but a different token for a given u. Accumulate
// explain: along the sorted order you used for top-p.
// explain.zh: 给定的 u 选中哪个词元，取决于累积和按什么顺序计算。约定的顺序（也是让 u = 0
// explain.zh: 得到概率最大词元的顺序）是 nucleus 的顺序：概率从大到小，相同时下标小的在前。
// explain.zh: 按 0, 1, 2, ... 的顺序遍历，对随机的 u 分布相同，但对给定的 u 会得到不同的词元。
// explain.zh: 应沿着做 top-p 时用的排序顺序累加。
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
  int n = 0;
  float mass = 0;
  while (n < k) {
    mass += p[n++];
    if (mass >= top_p) break;
  }
  std::vector<float> keep(v, 0.0f);  // renormalised probability by token index
  for (int j = 0; j < n; ++j) keep[idx[j]] = p[j] / mass;
  float c = 0;
  int last = idx[0];
  for (int i = 0; i < v; ++i) {  // bug: index order
    if (keep[i] > 0) last = i;
    c += keep[i];
    if (c > u) return i;
  }
  return last;
}
