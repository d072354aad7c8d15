// Flattens the candidates in Eigen's column-major order (index t * B + b)
// and sorts stably, so equal scores go to the lower token first instead of
// the lower beam.
// expect: wrong_answer edge
// mistake: Ties ordered by token first (column-major order)
// mistake.zh: 并列时先比较词元（列优先顺序）
// explain: Equal scores must go to the lower beam, then the lower token: the row-major order b * V
// explain: + t. Eigen stores a matrix column by column, so flattening its data (or looping over t
// explain: outside b) and sorting stably orders ties by token first, and identical beams come out
// explain: interleaved. Break ties on (b, t) explicitly, or number candidates b * V + t.
// explain.zh: 分数相同时必须先比 beam 下标，再比词元下标：即行优先下标 b * V + t。Eigen 按列存储矩阵，
// explain.zh: 直接展开它的数据（或把 t 的循环放在 b 外面）再做稳定排序，并列时就会先按词元排，
// explain.zh: 相同的 beam 会交错出现。应显式按 (b, t) 打破并列，或把候选编号为 b * V + t。
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
  std::vector<int> idx;  // bug: column-major numbering t * B + b
  for (int t = 0; t < v; ++t)
    for (int b = 0; b < nb; ++b) idx.push_back(b * v + t);
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
