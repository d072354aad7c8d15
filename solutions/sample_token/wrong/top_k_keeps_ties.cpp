// Top-k as a threshold, the way Hugging Face's TopKLogitsWarper writes it:
// every token whose logit is >= the k-th largest stays, so ties at the cut
// keep more than top_k tokens.
// expect: wrong_answer edge
// mistake: Top-k keeps every token tied with the k-th largest
// mistake.zh: top-k 保留了所有与第 k 大值并列的词元
// explain: A threshold test (z >= the k-th largest value) keeps every token tied at the cut, so
// explain: [1, 2, 1, 1] with top_k = 2 keeps four tokens instead of two. Hugging Face does this,
// explain: but this exercise fixes the cut: exactly top_k tokens, ties to the lower index. Sort
// explain: the indices by (value descending, index ascending) and keep the first top_k.
// explain.zh: 用阈值判断（z >= 第 k 大的值）会保留截断处所有并列的词元，于是 [1, 2, 1, 1] 在
// explain.zh: top_k = 2 时保留了四个词元而不是两个。Hugging Face 是这样做的，但本题规定了截断方式：
// explain.zh: 恰好保留 top_k 个，并列时取下标小的。应按（值从大到小、下标从小到大）排序后取前 top_k 个。
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
  int k = v;
  if (top_k > 0 && top_k < v) {
    const float threshold = z[idx[top_k - 1]];
    k = 0;
    while (k < v && z[idx[k]] >= threshold) ++k;  // bug: ties at the cut stay
  }
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
    c += p[j] / mass;
    if (c > u) return idx[j];
  }
  return idx[n - 1];
}
