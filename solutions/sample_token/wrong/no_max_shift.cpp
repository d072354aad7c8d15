// Exponentiates the scaled logits without subtracting their maximum: exp
// overflows to inf for z near 1000 and the probabilities become NaN.
// expect: wrong_answer stability
// mistake: Softmax without subtracting the maximum scaled logit
// mistake.zh: softmax 没有减去缩放后 logits 的最大值
// explain: z = logits / T reaches 1000 and more (logits near 1000, or a temperature of 2^-8):
// explain: exp(z) overflows float32 to inf, inf / inf is NaN, and no cumulative sum exceeds u.
// explain: Far below zero every exp(z) underflows to 0. Subtract the largest kept z (the first
// explain: token of the sorted order) before exponentiating.
// explain.zh: z = logits / T 可以达到 1000 甚至更大（logits 接近 1000，或者温度为 2^-8）：
// explain.zh: exp(z) 在 float32 中溢出为 inf，inf / inf 是 NaN，任何累积和都不会大于 u。
// explain.zh: 远小于 0 时每个 exp(z) 都下溢为 0。取指数之前应先减去保留的 z 中最大的那个
// explain.zh: （排序后的第一个词元）。
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
  for (int j = 0; j < k; ++j) sum += p[j] = std::exp(z[idx[j]]);  // bug: no max shift
  for (float& x : p) x /= sum;
  int n = 0;
  float mass = 0;
  while (n < k) {
    mass += p[n++];
    if (mass >= top_p) break;
  }
  float c = 0;
  for (int j = 0; j < n; ++j) {
    c += p[j] / mass;
    if (c > u) return idx[j];
  }
  return idx[n - 1];
}
