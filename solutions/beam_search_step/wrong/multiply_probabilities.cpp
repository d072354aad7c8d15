// Multiplies probabilities: exp(beam score) times the softmax probability,
// and the log of that product as the new score. exp(-1e4) (and already
// exp(-200)) is 0 in float32, so every such candidate scores -inf.
// expect: wrong_answer stability
// mistake: Beam probabilities multiplied in float32 instead of log-probabilities added
// mistake.zh: 在 float32 中把 beam 的概率相乘，而不是累加对数概率
// explain: A beam's score is the log of its sequence's probability, and after a few hundred tokens
// explain: that probability is far below the smallest float32 (about 1e-45): exp(-200) and
// explain: exp(-1e4) are 0, so the product is 0 and its log is -inf for every beam. Stay in log
// explain: space: new score = beam score + log_softmax(row)[t].
// explain.zh: beam 的分数是其序列概率的对数，几百个词元之后这个概率远小于 float32 能表示的最小值
// explain.zh: （约 1e-45）：exp(-200) 和 exp(-1e4) 都是 0，乘积为 0，每个 beam 的对数都是 -inf。
// explain.zh: 应始终在对数空间中计算：新分数 = beam 分数 + log_softmax(row)[t]。
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
    const float beam_p = std::exp(beam_scores(b));  // bug: underflows to 0
    float s = 0;
    if (m != -inf)
      for (int t = 0; t < v; ++t) s += std::exp(next_logits(b, t) - m);
    for (int t = 0; t < v; ++t) {
      const float p = m == -inf ? 0.0f : std::exp(next_logits(b, t) - m) / s;
      score[static_cast<std::size_t>(b) * v + t] = std::log(beam_p * p);
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
