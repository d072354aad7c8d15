// Adds each beam's raw logits to its score instead of its log-probabilities.
// Logits of different rows are on different scales (each row's softmax may
// shift it by any constant), so beams are ranked wrongly.
// expect: wrong_answer basic
// mistake: Raw logits added instead of log-probabilities
// mistake.zh: 加上的是原始 logits 而不是对数概率
// explain: A logit is only defined up to a constant per row: softmax(r) equals softmax(r + c), so
// explain: r[t] itself says nothing about how probable token t is compared with another beam's
// explain: tokens. A beam whose logits are all 5 is not better than one with [4, 0, 0, 0]. Add
// explain: log_softmax(row)[t] = row[t] - logsumexp(row) to the beam score.
// explain.zh: 每一行的 logits 只确定到一个常数：softmax(r) 等于 softmax(r + c)，所以 r[t] 本身
// explain.zh: 不能说明词元 t 与另一个 beam 的词元相比有多可能。logits 全为 5 的 beam 并不比
// explain.zh: [4, 0, 0, 0] 的 beam 更好。应把 log_softmax(row)[t] = row[t] - logsumexp(row) 加到 beam 分数上。
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
  for (int b = 0; b < nb; ++b)
    for (int t = 0; t < v; ++t)
      score[static_cast<std::size_t>(b) * v + t] = beam_scores(b) + next_logits(b, t);  // bug
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
