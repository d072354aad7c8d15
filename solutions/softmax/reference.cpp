// Reference: stable softmax of a vector, in double precision.
#include "reference.h"

namespace reference {

Vector softmax(const Vector& x) {
  if (x.size() == 0) return x;
  const double max = x.maxCoeff();
  // Every entry is -inf: treat it as a fully masked row (all zeros, not NaN).
  if (max == -kInf) return Vector::Zero(x.size());
  const Vector shifted = (x.array() - max).exp();
  return shifted / shifted.sum();
}

}  // namespace reference
