// Reference: one sampling step of an LLM decoder in Hugging Face's order
// (temperature, top-k, softmax, top-p, renormalise, inverse CDF at u), in
// double precision. The order of the tokens is descending logit with ties to
// the lower index, which is descending probability with the same tie rule.
#include "reference_blocks.h"

#include <algorithm>
#include <numeric>

namespace reference {

int sample_token(const Vector& logits, double temperature, int top_k, double top_p, double u) {
  using blocks::require;
  require(std::isfinite(temperature) && temperature > 0,
          "sample_token: the temperature must be finite and > 0");
  require(top_p > 0 && top_p <= 1, "sample_token: top_p must be in (0, 1]");
  require(u >= 0 && u < 1, "sample_token: u must be in [0, 1)");
  const Eigen::Index vocab = logits.size();
  require(vocab > 0, "sample_token: the logits are empty");
  bool any_finite = false;
  for (Eigen::Index i = 0; i < vocab; ++i) {
    require(!std::isnan(logits(i)) && logits(i) != kInf,
            "sample_token: a logit is NaN or +inf");
    if (logits(i) != -kInf) any_finite = true;
  }
  require(any_finite, "sample_token: every logit is -inf");

  // 1. Temperature.
  const Vector z = logits / temperature;

  // 2. Top-k: the order by descending scaled logit, ties to the lower index.
  std::vector<int> order(static_cast<std::size_t>(vocab));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return z(a) > z(b); });
  const std::size_t kept =
      top_k <= 0 || top_k >= vocab ? order.size() : static_cast<std::size_t>(top_k);
  order.resize(kept);

  // 3. Softmax over the kept tokens (the first one holds the maximum, which is finite).
  const double max = z(order[0]);
  std::vector<double> p(kept);
  double total = 0;
  for (std::size_t j = 0; j < kept; ++j) total += p[j] = std::exp(z(order[j]) - max);
  for (double& pj : p) pj /= total;

  // 4. Top-p: the shortest prefix whose cumulative probability reaches top_p,
  // the token that crosses it included.
  std::size_t nucleus = 0;
  double mass = 0;
  while (nucleus < kept) {
    mass += p[nucleus++];
    if (mass >= top_p) break;
  }

  // 5. Renormalise over the nucleus and return the first token whose
  // cumulative probability exceeds u.
  double cumulative = 0;
  int last_positive = order[0];
  for (std::size_t j = 0; j < nucleus; ++j) {
    if (p[j] > 0) last_positive = order[j];
    cumulative += p[j] / mass;
    if (cumulative > u) return order[j];
  }
  return last_positive;  // only reached through rounding when u is within an ulp of 1
}

}  // namespace reference
