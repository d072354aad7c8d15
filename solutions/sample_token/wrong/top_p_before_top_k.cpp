// Applies top-p to the softmax of all tokens first and only then cuts to
// top_k. The nucleus is then chosen from probabilities that still count the
// tokens top-k removes, so it can hold more tokens than the right one.
// expect: wrong_answer basic
// mistake: top-p applied before top-k
// mistake.zh: 先做 top-p 再做 top-k
// explain: Hugging Face applies top-k first, then takes the softmax over the kept tokens, and
// explain: chooses the nucleus from those renormalised probabilities. Applying top-p to the
// explain: softmax of the whole vocabulary measures the cumulative probability against mass that
// explain: top-k then throws away: for z = [3, 2, 1, 0], top_k = 2 and top_p = 0.7 the right
// explain: nucleus is token 0 alone (0.731 after top-k), but the full softmax needs two tokens.
// explain: Cut to top_k, then softmax, then top-p.
// explain.zh: Hugging Face 先做 top-k，再对保留的词元做 softmax，然后从这些重新归一化的概率中选出
// explain.zh: nucleus。对整个词表的 softmax 做 top-p，是拿 top-k 随后会丢掉的概率来计算累积和：
// explain.zh: 对 z = [3, 2, 1, 0]、top_k = 2、top_p = 0.7，正确的 nucleus 只有词元 0
// explain.zh: （top-k 之后为 0.731），而完整的 softmax 需要两个词元。应先截断到 top_k，再 softmax，再做 top-p。
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
  // Softmax over the whole vocabulary, then the nucleus.
  std::vector<float> p(v);
  float sum = 0;
  for (int j = 0; j < v; ++j) sum += p[j] = std::exp(z[idx[j]] - z[idx[0]]);
  for (float& x : p) x /= sum;
  int n = 0;
  float cum = 0;
  while (n < v) {
    cum += p[n++];
    if (cum >= top_p) break;
  }
  // bug: top-k only now, on the nucleus.
  if (top_k > 0 && top_k < n) n = top_k;
  float mass = 0;
  for (int j = 0; j < n; ++j) mass += p[j];
  float c = 0;
  for (int j = 0; j < n; ++j) {
    c += p[j] / mass;
    if (c > u) return idx[j];
  }
  return idx[n - 1];
}
