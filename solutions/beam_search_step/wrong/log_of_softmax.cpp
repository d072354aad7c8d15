// Computes a stable softmax of each row and then takes its log. A token whose
// probability underflows float32 (log-probability -200) gets -inf.
// expect: wrong_answer stability
// mistake: log(softmax) instead of log_softmax
// mistake.zh: 用 log(softmax) 代替 log_softmax
// explain: exp(-200) is 0 in float32, so the softmax of [0, -200] holds an exact 0 and its log is
// explain: -inf, while the log-probability is -200: the candidate is returned with the wrong score
// explain: and ties with every other -inf. Compute row[t] - logsumexp(row) directly, with the row
// explain: maximum subtracted inside the logsumexp.
// explain.zh: exp(-200) 在 float32 中为 0，所以 [0, -200] 的 softmax 含有一个精确的 0，
// explain.zh: 取 log 得到 -inf，而对数概率是 -200：这个候选的分数错了，还和所有 -inf 并列。
// explain.zh: 应直接计算 row[t] - logsumexp(row)，并在 logsumexp 内部减去该行的最大值。
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
    for (int t = 0; t < v; ++t) {
      const float p = m == -inf ? 0.0f : std::exp(next_logits(b, t) - m) / s;
      score[static_cast<std::size_t>(b) * v + t] = beam_scores(b) + std::log(p);  // bug
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
