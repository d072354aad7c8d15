// Chooses the nucleus correctly but compares u with the cumulative
// probabilities before renormalising them over the nucleus.
// expect: wrong_answer basic
// mistake: The nucleus is not renormalised before sampling
// mistake.zh: 采样前没有对 nucleus 重新归一化
// explain: After top-p the kept probabilities sum to the nucleus mass, which is less than 1, so
// explain: comparing their cumulative sum with u shifts every boundary towards the front and
// explain: leaves u above the mass with no token at all. Divide each kept probability by the
// explain: nucleus mass (or compare the cumulative sum with u * mass).
// explain.zh: top-p 之后保留的概率之和是 nucleus 的总概率，小于 1，因此直接拿它们的累积和与 u
// explain.zh: 比较，每条分界线都会往前移，u 大于这个总概率时甚至没有任何词元可选。
// explain.zh: 应把每个保留的概率除以 nucleus 的总概率（或者把累积和与 u * mass 比较）。
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
  float c = 0;
  for (int j = 0; j < n; ++j) {
    c += p[j];  // bug: not divided by the nucleus mass
    if (c > u) return idx[j];
  }
  return idx[n - 1];
}
