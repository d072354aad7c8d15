// Eigen for each row's logsumexp (accumulated in double), candidates as
// (score, beam, token) tuples, and std::partial_sort with an explicit
// comparator: score descending, then beam, then token ascending.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <tuple>

BeamStep beam_search_step(const VectorXf& beam_scores, const MatrixXf& next_logits,
                          int beam_width) {
  if (next_logits.rows() != beam_scores.size())
    throw std::invalid_argument("beam_search_step: rows of next_logits != number of beams");
  const Eigen::Index total = next_logits.rows() * next_logits.cols();
  if (beam_width < 1 || beam_width > total)
    throw std::invalid_argument("beam_search_step: beam_width out of range");
  if (beam_scores.array().isNaN().any() || next_logits.array().isNaN().any() ||
      (beam_scores.array() == INFINITY).any() || (next_logits.array() == INFINITY).any())
    throw std::invalid_argument("beam_search_step: NaN or +inf input");

  using Cand = std::tuple<double, int, int>;  // score, beam, token
  std::vector<Cand> cands;
  cands.reserve(static_cast<std::size_t>(total));
  for (Eigen::Index b = 0; b < next_logits.rows(); ++b) {
    const Eigen::ArrayXd row = next_logits.row(b).transpose().cast<double>().array();
    const double m = row.maxCoeff();
    const double lse = std::isinf(m) ? m : m + std::log((row - m).exp().sum());
    for (Eigen::Index t = 0; t < row.size(); ++t) {
      const double log_p = std::isinf(row(t)) ? row(t) : row(t) - lse;
      cands.emplace_back(beam_scores(b) + log_p, static_cast<int>(b), static_cast<int>(t));
    }
  }
  auto better = [](const Cand& a, const Cand& c) {
    if (std::get<0>(a) != std::get<0>(c)) return std::get<0>(a) > std::get<0>(c);
    if (std::get<1>(a) != std::get<1>(c)) return std::get<1>(a) < std::get<1>(c);
    return std::get<2>(a) < std::get<2>(c);
  };
  std::partial_sort(cands.begin(), cands.begin() + beam_width, cands.end(), better);

  BeamStep out;
  out.score.resize(beam_width);
  for (int i = 0; i < beam_width; ++i) {
    out.parent.push_back(std::get<1>(cands[static_cast<std::size_t>(i)]));
    out.token.push_back(std::get<2>(cands[static_cast<std::size_t>(i)]));
    out.score(i) = static_cast<float>(std::get<0>(cands[static_cast<std::size_t>(i)]));
  }
  return out;
}
