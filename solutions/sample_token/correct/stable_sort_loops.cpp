// Plain float loops: one std::stable_sort of the indices by descending scaled
// logit (ties keep the lower index first), cut to top_k, softmax, nucleus,
// then the inverse-CDF walk over the renormalised nucleus.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <numeric>

int sample_token(const VectorXf& logits, float temperature, int top_k, float top_p, float u) {
  if (!std::isfinite(temperature) || !(temperature > 0))
    throw std::invalid_argument("temperature must be finite and positive");
  if (!(top_p > 0 && top_p <= 1)) throw std::invalid_argument("top_p must be in (0, 1]");
  if (!(u >= 0 && u < 1)) throw std::invalid_argument("u must be in [0, 1)");
  const int v = static_cast<int>(logits.size());
  if (v == 0) throw std::invalid_argument("empty logits");
  bool any = false;
  for (int i = 0; i < v; ++i) {
    if (std::isnan(logits(i)) || logits(i) == std::numeric_limits<float>::infinity())
      throw std::invalid_argument("NaN or +inf logit");
    if (std::isfinite(logits(i))) any = true;
  }
  if (!any) throw std::invalid_argument("every logit is -inf");

  std::vector<float> z(static_cast<std::size_t>(v));
  for (int i = 0; i < v; ++i) z[i] = logits(i) / temperature;
  std::vector<int> idx(static_cast<std::size_t>(v));
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return z[a] > z[b]; });
  const int k = (top_k <= 0 || top_k > v) ? v : top_k;

  std::vector<float> p(static_cast<std::size_t>(k));
  float sum = 0;
  for (int j = 0; j < k; ++j) {
    p[j] = std::exp(z[idx[j]] - z[idx[0]]);
    sum += p[j];
  }
  for (int j = 0; j < k; ++j) p[j] /= sum;

  int n = 0;
  float mass = 0;
  while (n < k) {
    mass += p[n++];
    if (mass >= top_p) break;
  }
  float cum = 0;
  int last = idx[0];
  for (int j = 0; j < n; ++j) {
    if (p[j] > 0) last = idx[j];
    cum += p[j] / mass;
    if (cum > u) return idx[j];
  }
  return last;
}
