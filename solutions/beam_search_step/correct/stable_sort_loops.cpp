// Plain float loops: log-softmax of each row with the max shift, every
// candidate's score in a row-major array, then one std::stable_sort of the
// indices b * V + t by score (equal scores keep the row-major order).
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <numeric>

BeamStep beam_search_step(const VectorXf& beam_scores, const MatrixXf& next_logits,
                          int beam_width) {
  const int b_count = static_cast<int>(beam_scores.size());
  const int v = static_cast<int>(next_logits.cols());
  if (next_logits.rows() != b_count) throw std::invalid_argument("one row of logits per beam");
  if (beam_width <= 0 || static_cast<long long>(beam_width) > 1LL * b_count * v)
    throw std::invalid_argument("beam_width must be in [1, B * V]");
  const float inf = std::numeric_limits<float>::infinity();
  for (int b = 0; b < b_count; ++b) {
    if (std::isnan(beam_scores(b)) || beam_scores(b) == inf) throw std::invalid_argument("score");
    for (int t = 0; t < v; ++t)
      if (std::isnan(next_logits(b, t)) || next_logits(b, t) == inf)
        throw std::invalid_argument("logit");
  }

  std::vector<float> score(static_cast<std::size_t>(b_count) * v);
  for (int b = 0; b < b_count; ++b) {
    float m = -inf;
    for (int t = 0; t < v; ++t) m = std::max(m, next_logits(b, t));
    float s = 0;
    if (m != -inf)
      for (int t = 0; t < v; ++t) s += std::exp(next_logits(b, t) - m);
    for (int t = 0; t < v; ++t) {
      const float x = next_logits(b, t);
      const float log_p = (m == -inf || x == -inf) ? -inf : (x - m) - std::log(s);
      score[static_cast<std::size_t>(b) * v + t] = beam_scores(b) + log_p;
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
