// Gives every beam the same quota: each beam keeps its best
// ceil(beam_width / B) tokens, and the best beam_width of those are returned.
// When one beam is far ahead it should supply every new beam.
// expect: wrong_answer basic
// mistake: Candidates chosen per beam instead of over all B * V
// mistake.zh: 按 beam 分别挑选候选，而不是在全部 B * V 个候选中挑选
// explain: Beam search keeps the beam_width best sequences overall, and they may all extend the
// explain: same beam: when beam 0 is far ahead, its top three tokens can beat beam 1's best. A
// explain: quota per beam (or one extension per beam) drops those candidates. Rank all B * V
// explain: candidates together (taking each beam's top beam_width first is fine, because no beam
// explain: can supply more than beam_width winners).
// explain.zh: 束搜索保留的是全局最好的 beam_width 个序列，它们可能都来自同一个 beam：当 beam 0
// explain.zh: 遥遥领先时，它最好的三个词元可能都胜过 beam 1 的最好候选。按 beam 分配名额（或每个
// explain.zh: beam 只扩展一个）会丢掉这些候选。应把全部 B * V 个候选放在一起排序（先取每个 beam
// explain.zh: 最好的 beam_width 个也可以，因为一个 beam 最多贡献 beam_width 个胜出者）。
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
    if (m != -inf)
      for (int t = 0; t < v; ++t) s += std::exp(next_logits(b, t) - m);
    const float lse = m == -inf ? -inf : m + std::log(s);
    for (int t = 0; t < v; ++t) {
      const float x = next_logits(b, t);
      score[static_cast<std::size_t>(b) * v + t] = beam_scores(b) + (x == -inf ? -inf : x - lse);
    }
  }
  const int quota = (beam_width + nb - 1) / nb;  // bug: a fixed share per beam
  std::vector<int> pool;
  for (int b = 0; b < nb; ++b) {
    std::vector<int> row(v);
    std::iota(row.begin(), row.end(), b * v);
    std::stable_sort(row.begin(), row.end(), [&](int a, int c) { return score[a] > score[c]; });
    for (int i = 0; i < std::min(quota, v); ++i) pool.push_back(row[i]);
  }
  std::stable_sort(pool.begin(), pool.end(), [&](int a, int c) {
    return score[a] > score[c] || (score[a] == score[c] && a < c);
  });
  BeamStep out;
  out.score.resize(beam_width);
  for (int i = 0; i < beam_width; ++i) {
    const int c = i < static_cast<int>(pool.size()) ? pool[i] : pool.back();
    out.parent.push_back(c / v);
    out.token.push_back(c % v);
    out.score(i) = score[c];
  }
  return out;
}
