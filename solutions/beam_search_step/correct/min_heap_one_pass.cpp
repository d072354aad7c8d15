// One pass over the candidates with a min-heap of the beam_width best seen so
// far (the heap's top is the worst kept one, i.e. the lowest score, and among
// equal scores the latest in row-major order). The log-softmax of each row is
// an Eigen expression in float, -inf handled explicitly.
// expect: accepted
#include "exercise.h"

#include <algorithm>
#include <queue>

namespace {
struct Cand {
  float score;
  int beam;
  int token;
};
// True when a ranks before c: higher score, then lower beam, then lower token.
bool ranks_before(const Cand& a, const Cand& c) {
  if (a.score != c.score) return a.score > c.score;
  return a.beam != c.beam ? a.beam < c.beam : a.token < c.token;
}
}  // namespace

BeamStep beam_search_step(const VectorXf& beam_scores, const MatrixXf& next_logits,
                          int beam_width) {
  const Eigen::Index nb = beam_scores.size(), nv = next_logits.cols();
  if (next_logits.rows() != nb) throw std::invalid_argument("shape");
  if (beam_width <= 0 || beam_width > nb * nv) throw std::invalid_argument("beam_width");
  if (!((beam_scores.array() == beam_scores.array()).all() && (beam_scores.array() < INFINITY).all()))
    throw std::invalid_argument("beam score");
  if (!((next_logits.array() == next_logits.array()).all() && (next_logits.array() < INFINITY).all()))
    throw std::invalid_argument("logit");

  // "Greater" comparator makes the priority queue's top the worst candidate.
  auto worse_on_top = [](const Cand& a, const Cand& c) { return ranks_before(a, c); };
  std::priority_queue<Cand, std::vector<Cand>, decltype(worse_on_top)> heap(worse_on_top);
  for (Eigen::Index b = 0; b < nb; ++b) {
    const float m = next_logits.row(b).maxCoeff();
    const float lse = m == -INFINITY ? -INFINITY
                                     : m + std::log((next_logits.row(b).array() - m).exp().sum());
    for (Eigen::Index t = 0; t < nv; ++t) {
      const float x = next_logits(b, t);
      const float log_p = x == -INFINITY ? -INFINITY : x - lse;
      const Cand c{beam_scores(b) + log_p, static_cast<int>(b), static_cast<int>(t)};
      if (static_cast<int>(heap.size()) < beam_width) {
        heap.push(c);
      } else if (ranks_before(c, heap.top())) {
        heap.pop();
        heap.push(c);
      }
    }
  }
  std::vector<Cand> best;
  while (!heap.empty()) {
    best.push_back(heap.top());
    heap.pop();
  }
  std::reverse(best.begin(), best.end());
  BeamStep out;
  out.score.resize(beam_width);
  for (int i = 0; i < beam_width; ++i) {
    out.parent.push_back(best[static_cast<std::size_t>(i)].beam);
    out.token.push_back(best[static_cast<std::size_t>(i)].token);
    out.score(i) = best[static_cast<std::size_t>(i)].score;
  }
  return out;
}
