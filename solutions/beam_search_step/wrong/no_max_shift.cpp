// log-softmax as row[t] - log(sum(exp(row))) without the max shift: exp(1000)
// overflows float32, and rows far below zero give log(0) = -inf.
// expect: wrong_answer stability
// mistake: Log-sum-exp of a row without subtracting its maximum
// mistake.zh: 行的 log-sum-exp 没有减去最大值
// explain: exp(1000) is inf in float32, so log(sum(exp(row))) is inf and every candidate of the row
// explain: scores -inf; at -1000 every exp underflows to 0 and the log-probabilities become +inf.
// explain: Use logsumexp(row) = m + log(sum exp(row - m)) with m the row maximum.
// explain.zh: exp(1000) 在 float32 中为 inf，所以 log(sum(exp(row))) 是 inf，这一行的每个候选都是 -inf；
// explain.zh: 在 -1000 附近每个 exp 都下溢为 0，对数概率变成 +inf。
// explain.zh: 应使用 logsumexp(row) = m + log(sum exp(row - m))，其中 m 是该行最大值。
#include "exercise.h"

#include <algorithm>
#include <numeric>

BeamStep beam_search_step(const VectorXf& beam_scores, const MatrixXf& next_logits,
                          int beam_width) {
  const int nb = static_cast<int>(beam_scores.size());
  const int v = static_cast<int>(next_logits.cols());
  if (next_logits.rows() != nb) throw std::invalid_argument("one row of logits per beam");
  if (beam_width <= 0 || static_cast<long long>(beam_width) > 1LL * nb * v)
    throw std::invalid_argument("beam_width must be in [1, B * V]");
  const float inf = std::numeric_limits<float>::infinity();
  for (int b = 0; b < nb; ++b) {
    if (std::isnan(beam_scores(b)) || beam_scores(b) == inf) throw std::invalid_argument("score");
    for (int t = 0; t < v; ++t)
      if (std::isnan(next_logits(b, t)) || next_logits(b, t) == inf)
        throw std::invalid_argument("logit");
  }
  std::vector<float> score(static_cast<std::size_t>(nb) * v);
  for (int b = 0; b < nb; ++b) {
    float s = 0;
    for (int t = 0; t < v; ++t) s += std::exp(next_logits(b, t));  // bug: no max shift
    const float lse = std::log(s);
    for (int t = 0; t < v; ++t) {
      const float x = next_logits(b, t);
      score[static_cast<std::size_t>(b) * v + t] = beam_scores(b) + (x == -inf ? -inf : x - lse);
    }
  }
  std::vector<int> idx(score.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int c) { return score[a] > score[c]; });
  BeamStep out;
  out.score.resize(beam_width);
  for (int i = 0; i < beam_width; ++i) {
    out.parent.push_back(idx[i] / v);
    out.token.push_back(idx[i] % v);
    out.score(i) = score[idx[i]];
  }
  return out;
}
