// Handles -inf logits but not a row whose logits are all -inf: its
// logsumexp is -inf and row[t] - lse is -inf - -inf = NaN.
// expect: wrong_answer edge
// mistake: A row of all -inf logits gives NaN scores
// mistake.zh: logits 全为 -inf 的一行得到 NaN 分数
// explain: When every logit of a row is -inf, the max is -inf and the logsumexp is -inf, so
// explain: row[t] - lse is -inf - (-inf) = NaN (and exp(row - max) is NaN before that). Such a beam
// explain: has no possible continuation: every candidate scores -inf and is ordered by (b, t).
// explain: Test for a -inf maximum before subtracting it.
// explain.zh: 一行的 logits 全是 -inf 时，最大值是 -inf，logsumexp 也是 -inf，于是 row[t] - lse
// explain.zh: 是 -inf - (-inf) = NaN（在此之前 exp(row - max) 已经是 NaN）。这样的 beam 没有任何
// explain.zh: 可能的延续：每个候选的分数都是 -inf，并按 (b, t) 排序。应在减去最大值之前先判断它是否为 -inf。
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
    const float m = next_logits.row(b).maxCoeff();
    float s = 0;
    for (int t = 0; t < v; ++t) s += std::exp(next_logits(b, t) - m);  // bug: NaN when m = -inf
    const float lse = m + std::log(s);
    for (int t = 0; t < v; ++t)
      score[static_cast<std::size_t>(b) * v + t] = beam_scores(b) + (next_logits(b, t) - lse);
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
