// The mistake of solutions/online_softmax/wrong/merge_wrong_side.cpp, written as an if/else on which side holds the larger maximum (and an update that builds the chunk's state with a loop) instead of one std::max formula.
// expect-mistake: merge_wrong_side
#include "exercise.h"

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  const float empty = -std::numeric_limits<float>::infinity();
  if (a.max == empty) return b;
  if (b.max == empty) return a;
  if (b.max >= a.max) {
    // b leads: a's sum is moved onto b's maximum.
    return {b.max, a.sum * std::exp(a.max - b.max) + b.sum};
  }
  // a leads.
  return {a.max, a.sum + b.sum};
}

SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk) {
  SoftmaxState piece{-std::numeric_limits<float>::infinity(), 0.0f};
  for (Eigen::Index i = 0; i < chunk.size(); ++i) piece.max = std::max(piece.max, chunk[i]);
  if (piece.max == -std::numeric_limits<float>::infinity()) return state;
  double total = 0.0;
  for (Eigen::Index i = 0; i < chunk.size(); ++i) total += std::exp(chunk[i] - piece.max);
  piece.sum = static_cast<float>(total);
  return softmax_merge(state, piece);
}
