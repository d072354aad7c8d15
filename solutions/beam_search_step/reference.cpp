// Reference: one step of beam search in double precision. Candidate (b, t)
// scores beam_scores[b] + log_softmax(next_logits.row(b))[t]; the beam_width
// best candidates are returned best first, ties (including -inf scores) by
// lower beam, then lower token.
#include "reference_blocks.h"

#include <algorithm>
#include <numeric>

namespace reference {

BeamStep beam_search_step(const Vector& beam_scores, const Matrix& next_logits, int beam_width) {
  using blocks::require;
  const Eigen::Index beams = beam_scores.size();
  const Eigen::Index vocab = next_logits.cols();
  require(next_logits.rows() == beams,
          "beam_search_step: next_logits needs one row per beam (beam_scores.size() rows)");
  require(beam_width > 0 && static_cast<Eigen::Index>(beam_width) <= beams * vocab,
          "beam_search_step: beam_width must be in [1, B * V]");
  for (Eigen::Index b = 0; b < beams; ++b)
    require(!std::isnan(beam_scores(b)) && beam_scores(b) != kInf,
            "beam_search_step: a beam score is NaN or +inf");
  for (Eigen::Index b = 0; b < beams; ++b)
    for (Eigen::Index t = 0; t < vocab; ++t)
      require(!std::isnan(next_logits(b, t)) && next_logits(b, t) != kInf,
              "beam_search_step: a logit is NaN or +inf");

  // Candidate scores, row-major: index b * V + t.
  std::vector<double> score(static_cast<std::size_t>(beams * vocab));
  for (Eigen::Index b = 0; b < beams; ++b) {
    const double max = next_logits.row(b).maxCoeff();
    // A row of all -inf: every token has log-probability -inf (never -inf - -inf).
    const double lse =
        max == -kInf ? -kInf : max + std::log((next_logits.row(b).array() - max).exp().sum());
    for (Eigen::Index t = 0; t < vocab; ++t) {
      const double log_p = next_logits(b, t) == -kInf ? -kInf : next_logits(b, t) - lse;
      score[static_cast<std::size_t>(b * vocab + t)] = beam_scores(b) + log_p;
    }
  }
  std::vector<Eigen::Index> order(score.size());
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  // Stable: equal scores keep the row-major order, lower b then lower t.
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index c) {
    return score[static_cast<std::size_t>(a)] > score[static_cast<std::size_t>(c)];
  });

  BeamStep out;
  out.score.resize(beam_width);
  for (int i = 0; i < beam_width; ++i) {
    const Eigen::Index c = order[static_cast<std::size_t>(i)];
    out.parent.push_back(static_cast<int>(c / vocab));
    out.token.push_back(static_cast<int>(c % vocab));
    out.score(i) = score[static_cast<std::size_t>(c)];
  }
  return out;
}

}  // namespace reference
