// Reference: the online softmax normalizer (Milakov and Gimelshein 2018), in
// double precision. A state {max, sum} stands for a stream x seen so far with
// max = max(x) and sum = sum(exp(x - max)); the empty state is {-inf, 0}.
#include "reference.h"

#include <algorithm>

namespace reference {

SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b) {
  // An empty side contributes nothing. Checking it first also avoids
  // exp(-inf - -inf) = exp(NaN) when both sides are empty.
  if (a.max == -kInf) return b;
  if (b.max == -kInf) return a;
  const double max = std::max(a.max, b.max);
  return {max, a.sum * std::exp(a.max - max) + b.sum * std::exp(b.max - max)};
}

SoftmaxState softmax_update(SoftmaxState state, const Vector& chunk) {
  if (chunk.size() == 0) return state;
  const double max = chunk.maxCoeff();
  // Every entry is -inf (or the chunk is empty): nothing to add.
  if (max == -kInf) return state;
  const double sum = (chunk.array() - max).exp().sum();
  return softmax_merge(state, {max, sum});
}

}  // namespace reference
